using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// Start-up checks of the "Calls" section: a source that cannot be read stops the host with its setting's name, rather
/// than failing quietly at every ingestion run. Disabled sources are checked only for their kind.
/// </summary>
public sealed class CallsOptionsValidator(IConfiguration callsSection) : IValidateOptions<CallsOptions>
{
    public ValidateOptionsResult Validate(string? name, CallsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add("Setting 'Calls:UserAgent' is required: webmasters read it to know who fetches their pages.");
        }
        if (options.TimeoutSeconds is < 1 or > 300)
        {
            failures.Add("Setting 'Calls:TimeoutSeconds' must be between 1 and 300.");
        }
        if (options.MinMillisecondsBetweenRequests < 0)
        {
            failures.Add("Setting 'Calls:MinMillisecondsBetweenRequests' must be 0 or more.");
        }
        // Kinds from the section itself: the binder drops a source whose kind it cannot convert.
        foreach (var section in callsSection.GetSection("Sources").GetChildren())
        {
            var kind = section["Kind"];
            if (!Enum.TryParse<CallSourceKind>(kind, ignoreCase: true, out _) || int.TryParse(kind, out _))
            {
                failures.Add($"Setting 'Calls:Sources:{section.Key}:Kind' must be one of {string.Join(", ", Enum.GetNames<CallSourceKind>())}.");
            }
        }
        foreach (var (sourceName, source) in options.Sources)
        {
            failures.AddRange(SourceFailures($"Calls:Sources:{sourceName}", source));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> SourceFailures(string path, CallSourceOptions source)
    {
        if (!source.Enabled)
        {
            yield break;
        }
        if (source.Kind == CallSourceKind.Mailbox)
        {
            if (string.IsNullOrWhiteSpace(source.Mailbox))
            {
                yield return $"Setting '{path}:Mailbox' is required for a Mailbox source (the shared mailbox to read).";
            }
        }
        else if (source.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Setting '{path}:Url' must be an absolute http(s) address for a {source.Kind} source.";
        }
        if (source.Kind == CallSourceKind.AidesTerritoires && string.IsNullOrWhiteSpace(source.ApiKey))
        {
            yield return $"Setting '{path}:ApiKey' is required for an AidesTerritoires source (or set '{path}:Enabled' to false).";
        }
        if (source.MaxItems < 1)
        {
            yield return $"Setting '{path}:MaxItems' must be 1 or more.";
        }
    }
}
