using System.Text;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>
/// A request's path and query as they may be written to a log or to telemetry: function keys, URL secrets and signed
/// tokens are replaced by "***", and so is any query value holding an '@' (an address). Token positions come from the
/// catalogue: a route segment named <c>{token}</c> is a bearer capability, whatever route adds it.
/// </summary>
public static class SensitiveUrls
{
    public const string Mask = "***";

    /// <summary>Query parameters that carry a credential in this app or its senders.</summary>
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "secret", "token", "sig", "signature", "key", "apikey", "api_key", "access_token", "client_secret", "password",
    };

    /// <summary>A segment this long is a token even on a route the catalogue does not know.</summary>
    private const int LongSegment = 64;

    private static readonly IReadOnlyList<string[]> TokenRoutes = FunctionCatalog.Http
        .Select(f => ("api/" + f.Route).Split('/'))
        .Where(segments => segments.Contains("{token}"))
        .ToList();

    public static string Redact(PathString path, QueryString query) => RedactPath(path.Value ?? string.Empty) + RedactQuery(query.Value);

    public static string RedactPath(string path)
    {
        var segments = path.Split('/');
        var offset = segments.Length > 0 && segments[0].Length == 0 ? 1 : 0;
        foreach (var route in TokenRoutes)
        {
            if (segments.Length - offset == route.Length && route.Select((r, i) => r.StartsWith('{') || string.Equals(r, segments[i + offset], StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                for (var i = 0; i < route.Length; i++)
                {
                    segments[i + offset] = route[i] == "{token}" ? Mask : segments[i + offset];
                }
            }
        }
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i].Length >= LongSegment || segments[i].Contains('@', StringComparison.Ordinal) || segments[i].Contains("%40", StringComparison.OrdinalIgnoreCase) ? Mask : segments[i];
        }
        return string.Join('/', segments);
    }

    public static string RedactQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }
        var text = new StringBuilder();
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            var hidden = SecretParameters.Contains(Uri.UnescapeDataString(name)) || value.Contains('@', StringComparison.Ordinal)
                || value.Contains("%40", StringComparison.OrdinalIgnoreCase) || value.Length >= LongSegment;
            text.Append(text.Length == 0 ? '?' : '&').Append(name);
            if (equals >= 0)
            {
                text.Append('=').Append(hidden ? Mask : value);
            }
        }
        return text.ToString();
    }
}
