namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// The hosts one source may be read from: the host of its own address, plus the hosts its settings list
/// ("Calls:Sources:{name}:AllowedHosts", comma-separated). Only http and https; the port must be the source's own or
/// the scheme's default, so "http→https" on the same site is followed but another service on that machine is not.
/// </summary>
public sealed class SourceHosts
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _ports = [80, 443];

    public SourceHosts(Uri? sourceUrl, string? allowedHosts)
    {
        if (sourceUrl is not null)
        {
            _hosts.Add(sourceUrl.IdnHost);
            _ports.Add(sourceUrl.Port);
        }
        foreach (var entry in (allowedHosts ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate("https://" + entry, UriKind.Absolute, out var parsed) && parsed.PathAndQuery == "/")
            {
                _hosts.Add(parsed.IdnHost);
                _ports.Add(parsed.Port);
            }
        }
    }

    public static SourceHosts For(CallSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SourceHosts(options.Url, options.AllowedHosts);
    }

    /// <summary>True when this source may fetch the address.</summary>
    public bool Allows(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && url.Scheme is "http" or "https"
        && string.IsNullOrEmpty(url.UserInfo)
        && _hosts.Contains(url.IdnHost)
        && _ports.Contains(url.Port);
}
