using AvecSante.Core.Members;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// The local outbox folder (.eml, and the calendar and Teams files beside them) as a holder of personal data: the
/// files that name one of the person's addresses stand for mail sent to them; erasure deletes them.
/// </summary>
public sealed class LocalOutboxPersonalData(IOptions<EmailOptions> options) : IPersonalDataHolder
{
    public string Section => "localOutbox";

    private string Folder => Path.GetFullPath(options.Value.LocalOutboxPath);

    public async Task<object?> ExportAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var files = await FilesNamingAsync(person, cancellationToken).ConfigureAwait(false);
        return files.Select(f => Path.GetRelativePath(Folder, f)).ToList();
    }

    public async Task<int> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var files = await FilesNamingAsync(person, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            File.Delete(file);
        }
        return files.Count;
    }

    private async Task<List<string>> FilesNamingAsync(Person person, CancellationToken cancellationToken)
    {
        var addresses = new[] { person.Email }.Concat(person.OtherEmails).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        var found = new List<string>();
        if (addresses.Count == 0 || !Directory.Exists(Folder))
        {
            return found;
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (addresses.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(file);
            }
        }
        return found;
    }
}
