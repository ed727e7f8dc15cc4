using System.Net;
using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>HTML to text without a parser package: enough for call pages, mails and the scraper's raw CONTACT blocks.</summary>
internal static partial class HtmlText
{
    /// <summary>True when the text holds real tags ("PME &lt; 250" is not a tag).</summary>
    public static bool LooksLikeHtml(string text) => text.Contains('<', StringComparison.Ordinal) && AnyTag().IsMatch(text);

    /// <summary>
    /// Block elements become blank lines (a sentence boundary for the extractors: "Date limite de prise de contact"
    /// in one paragraph must not qualify the date of the next one); inline tags vanish without a space, so
    /// "&lt;strong&gt;avan&lt;/strong&gt;&lt;strong&gt;t le" reads "avant le".
    /// </summary>
    public static string ToText(string html)
    {
        var text = Invisible().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n\n");
    }

    /// <summary>The page title: og:title, then &lt;title&gt;, then the first &lt;h1&gt;.</summary>
    public static string? Title(string html)
    {
        foreach (var regex in new[] { OgTitle(), TitleTag(), H1Tag() })
        {
            var match = regex.Match(html);
            if (match.Success)
            {
                var title = FrenchText.Squeeze(WebUtility.HtmlDecode(AnyTag().Replace(match.Groups["t"].Value, " ")));
                if (title.Length > 0)
                {
                    return title;
                }
            }
        }
        return null;
    }

    /// <summary>The body without navigation, headers, footers and asides (menus and "see also" lists hold other calls' dates).</summary>
    public static string MainContent(string html)
    {
        var body = BodyTag().Match(html);
        var content = body.Success ? body.Groups["b"].Value : html;
        return Chrome().Replace(content, " ");
    }

    [GeneratedRegex(@"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<head\b[^>]*>.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<(nav|header|footer|aside)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Chrome();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?(?:p|div|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|section|article|blockquote|hr|dl|dt|dd|pre|form|fieldset|figure|figcaption|main)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[a-zA-Z/!?][^<>]{0,2000}>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00A0\u202F]*\n(?:[ \t\u00A0\u202F]*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"<meta\s+[^>]*property\s*=\s*[""']og:title[""'][^>]*content\s*=\s*[""'](?<t>[^""']*)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OgTitle();

    [GeneratedRegex(@"<title\b[^>]*>(?<t>.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<h1\b[^>]*>(?<t>.*?)</h1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex H1Tag();

    [GeneratedRegex(@"<body\b[^>]*>(?<b>.*)</body\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BodyTag();
}
