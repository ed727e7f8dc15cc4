using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Core.Members.Import;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>
/// Raw import files, kept before anything is read from them: container "member-imports", blob "{federation}/{sha256}.csv"
/// (the same file lands on the same blob). They hold personal data, so they are also a holder for GDPR access and
/// erasure: erasing a person rewrites each archive without the lines that name them.
/// </summary>
public sealed class BlobImportArchive(BlobStore blobs, IOptions<FederationOptions> federation, TimeProvider clock) : IImportArchive, IPersonalDataHolder
{
    public const string ContainerName = "member-imports";

    public string Section => "imports";

    private string Prefix => federation.Value.Id + "/";

    public async Task<(string Name, string Sha256)> ArchiveAsync(ReadOnlyMemory<byte> content, string? fileName, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var name = $"{Prefix}{sha256}.csv";
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
                Metadata = new Dictionary<string, string>
                {
                    ["sha256"] = sha256,
                    ["receivedat"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                    ["filename"] = SafeName(fileName),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The same bytes were archived before: nothing to add.
        }
        return (name, sha256);
    }

    public async Task<object?> ExportAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var found = new List<object>();
        await foreach (var (name, lines, _) in ArchivesAsync(cancellationToken).ConfigureAwait(false))
        {
            var count = lines.Count(l => Names(l, person));
            if (count > 0)
            {
                found.Add(new { archive = name, lines = count });
            }
        }
        return found;
    }

    public async Task<int> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var rewritten = 0;
        await foreach (var (name, lines, etag) in ArchivesAsync(cancellationToken).ConfigureAwait(false))
        {
            var kept = lines.Where(l => !Names(l, person)).ToList();
            if (kept.Count == lines.Count)
            {
                continue;
            }
            // Rewritten in UTF-8; the metadata says the archive was redacted and no longer matches its name's hash.
            var text = string.Join("\r\n", kept) + "\r\n";
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" },
                Metadata = new Dictionary<string, string>
                {
                    ["redactedat"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                    ["note"] = "lines of an erased person removed (GDPR)",
                },
                Conditions = new BlobRequestConditions { IfMatch = etag },
            }, cancellationToken).ConfigureAwait(false);
            rewritten++;
        }
        return rewritten;
    }

    /// <summary>True when a line holds one of the person's addresses, or both their first and last names.</summary>
    private static bool Names(string line, Person person)
    {
        var compare = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        // An erasure by address alone has no names: an empty name would match every line.
        return new[] { person.Email }.Concat(person.OtherEmails).Any(e => !string.IsNullOrWhiteSpace(e) && line.Contains(e, StringComparison.OrdinalIgnoreCase))
            || (!string.IsNullOrWhiteSpace(person.FirstName) && !string.IsNullOrWhiteSpace(person.LastName)
                && compare.IndexOf(line, person.LastName, loose) >= 0 && compare.IndexOf(line, person.FirstName, loose) >= 0);
    }

    private async IAsyncEnumerable<(string Name, List<string> Lines, ETag ETag)> ArchivesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken).ConfigureAwait(false))
        {
            var download = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            yield return (item.Name, DecodeLines(download.Value.Content.ToMemory().Span), download.Value.Details.ETag);
        }
    }

    /// <summary>Physical lines, each decoded as the importer does (UTF-8, else Windows-1252).</summary>
    private static List<string> DecodeLines(ReadOnlySpan<byte> content)
    {
        var strict = new UTF8Encoding(false, true);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }
        var lines = new List<string>();
        while (content.Length > 0)
        {
            var end = content.IndexOf((byte)'\n');
            var raw = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (raw.Length > 0 && raw[^1] == '\r')
            {
                raw = raw[..^1];
            }
            string text;
            try
            {
                text = strict.GetString(raw);
            }
            catch (DecoderFallbackException)
            {
                text = CsvText.Windows1252.GetString(raw);
            }
            lines.Add(text);
        }
        return lines;
    }

    private static string SafeName(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "import.csv" : new string(Path.GetFileName(fileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').Take(100).ToArray());
}
