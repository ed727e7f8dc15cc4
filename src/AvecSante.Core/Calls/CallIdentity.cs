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
            : StableKeys.Digest("text:" + Fold(funder) + "|" + Fold(title), 24);

    /// <summary>Scheme, host case, "www.", default ports, a trailing slash and the fragment do not make another call.</summary>
    public static string CanonicalUrl(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var path = url.AbsolutePath.TrimEnd('/');
        return host + path + url.Query;
    }

    private static string Fold(string text) =>
        string.Join(' ', text.Trim().ToLower(CultureInfo.GetCultureInfo("fr-FR"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
