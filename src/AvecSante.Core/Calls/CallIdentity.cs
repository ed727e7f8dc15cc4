using System.Globalization;
using AvecSante.Core.Common;

namespace AvecSante.Core.Calls;

/// <summary>
/// A call's id is derived from what identifies it, so that the same call submitted or ingested twice lands on the
/// same record: its canonical URL when it has one, else funder and title.
/// </summary>
public static class CallIdentity
{
    public static string For(Uri? url, string funder, string title) =>
        url is not null
            ? StableKeys.Digest("url:" + CanonicalUrl(url), 24)
            : StableKeys.Digest("text:" + LowerSingleSpaced(funder) + "|" + LowerSingleSpaced(title), 24);

    /// <summary>
    /// Scheme, host case, "www.", default ports, "index.php/", a trailing slash, the "-0" Drupal adds to a re-saved
    /// page, tracking parameters and the fragment do not make another call.
    /// </summary>
    public static string CanonicalUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var path = Uri.UnescapeDataString(url.AbsolutePath).Replace("/index.php/", "/", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
        if (path.EndsWith("-0", StringComparison.Ordinal))
        {
            path = path[..^2];
        }
        var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal));
        return host + path + (query.Length > 0 ? "?" + query : string.Empty);
    }

    private static bool IsTracking(string parameter) =>
        parameter.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || parameter is "fbclid" or "gclid" or "xtor" or "mc_cid" or "mc_eid" or "at_medium" or "at_campaign";

    private static string LowerSingleSpaced(string text) =>
        string.Join(' ', text.Trim().ToLower(CultureInfo.GetCultureInfo("fr-FR"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
