using System.Net;
using System.Text;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>A page read by <see cref="HtmlText"/>: its title, the text of its main content and what its metadata says.</summary>
internal sealed record HtmlPage(string? Title, string Text, IReadOnlyList<string> StructuredData, IReadOnlyDictionary<string, string> Meta);

/// <summary>
/// HTML to text by one forward scan of the markup, linear on any input. Patterns over markup (<c>&lt;!--.*?--&gt;</c>,
/// <c>&lt;(nav|…)\b.*?&lt;/\1&gt;</c>) were quadratic on a page of unclosed comments or tags, and AngleSharp's tree
/// builder is quadratic too on deeply nested tags (200 KB of <c>&lt;nav&gt;</c>: 30 s), so the scan keeps no tree:
/// every "where does this end" search remembers its answer, so no stretch of the page is searched twice.
/// </summary>
internal static class HtmlText
{
    /// <summary>A "tag" longer than this is text ("PME &lt; 250 … &gt;" is not a tag).</summary>
    private const int MaxTagLength = 2000;

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "svg", "head", "iframe", "object" };

    private static readonly HashSet<string> PageChrome = new(StringComparer.OrdinalIgnoreCase) { "nav", "header", "footer", "aside" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "thead", "tbody", "section",
        "article", "blockquote", "hr", "dl", "dt", "dd", "pre", "form", "fieldset", "figure", "figcaption", "main",
    };

    /// <summary>True when the text holds real tags ("PME &lt; 250" is not a tag).</summary>
    public static bool LooksLikeHtml(string text)
    {
        var scanner = new Scanner(text);
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0; i = text.IndexOf('<', i + 1))
        {
            if (scanner.TagEnd(i) > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Block elements become blank lines (a sentence boundary for the extractors: "Date limite de prise de contact"
    /// in one paragraph must not qualify the date of the next one); inline tags vanish without a space, so
    /// "&lt;strong&gt;avan&lt;/strong&gt;&lt;strong&gt;t le" reads "avant le".
    /// </summary>
    public static string ToText(string html) => Collapse(WebUtility.HtmlDecode(Strip(html, 0, html.Length, skipChrome: false, null)));

    /// <summary>
    /// A whole page: the title (og:title, then &lt;title&gt;, then the first &lt;h1&gt;), the body's text without
    /// navigation, headers, footers and asides (menus and "see also" lists hold other calls' dates), the JSON-LD
    /// blocks and the meta tags.
    /// </summary>
    public static HtmlPage Read(string html)
    {
        var found = new Found();
        var scanner = new Scanner(html);
        var bodyStart = scanner.FindOpening("body", 0);
        var start = bodyStart >= 0 ? Math.Max(scanner.TagEnd(bodyStart), bodyStart + 1) : 0;
        var bodyEnd = scanner.FindClosing("body", start);
        var end = bodyEnd >= 0 ? bodyEnd : html.Length;
        // The head is read for its metadata only.
        Strip(html, 0, start, skipChrome: true, found);
        var text = Collapse(WebUtility.HtmlDecode(Strip(html, start, end, skipChrome: true, found)));

        var title = found.Meta.TryGetValue("og:title", out var og) ? Clean(og) : null;
        title = string.IsNullOrEmpty(title) ? Clean(found.Title) : title;
        title = string.IsNullOrEmpty(title) ? Clean(found.H1) : title;
        return new HtmlPage(string.IsNullOrEmpty(title) ? null : title, text, found.StructuredData, found.Meta);
    }

    private static string? Clean(string? text) => text is null ? null : FrenchText.Squeeze(WebUtility.HtmlDecode(ToTextShallow(text)));

    /// <summary>Inline tags inside a title or heading vanish (a space each).</summary>
    private static string ToTextShallow(string text) => text.Contains('<', StringComparison.Ordinal) ? Strip(text, 0, text.Length, false, null) : text;

    private sealed class Found
    {
        public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> StructuredData { get; } = [];

        public string? Title { get; set; }

        public string? H1 { get; set; }
    }

    private static string Strip(string html, int from, int to, bool skipChrome, Found? found)
    {
        var scanner = new Scanner(html);
        var text = new StringBuilder(Math.Max(0, to - from));
        var i = from;
        while (i < to)
        {
            var lt = html.IndexOf('<', i, to - i);
            if (lt < 0)
            {
                text.Append(html, i, to - i);
                break;
            }
            text.Append(html, i, lt - i);
            i = Tag(html, lt, to, scanner, text, skipChrome, found);
        }
        return text.ToString();
    }

    /// <summary>Reads the markup at <paramref name="lt"/> ('&lt;'), writes what it stands for, returns where the text resumes.</summary>
    private static int Tag(string html, int lt, int to, Scanner scanner, StringBuilder text, bool skipChrome, Found? found)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            // An unclosed comment hides the rest of the page, as in a browser.
            var close = scanner.Find("-->", lt + 4);
            return close < 0 ? to : Math.Min(to, close + 3);
        }
        var end = scanner.TagEnd(lt);
        if (end < 0)
        {
            text.Append('<');
            return lt + 1;
        }
        var (name, closing) = TagName(html, lt, end);
        if (closing || name.Length == 0)
        {
            text.Append(Blocks.Contains(name) ? "\n\n" : string.Empty);
            return end;
        }
        if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            text.Append('\n');
            return end;
        }
        if (name.Equals("meta", StringComparison.OrdinalIgnoreCase) && found is not null)
        {
            ReadMeta(html.AsSpan(lt, end - lt), found);
            return end;
        }
        // A page's head is read for its metadata; elsewhere it is hidden like scripts.
        var invisible = Invisible.Contains(name) && !(found is not null && name.Equals("head", StringComparison.OrdinalIgnoreCase));
        if (invisible || (skipChrome && PageChrome.Contains(name)) || name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            var close = scanner.FindClosing(name, end);
            if (close < 0)
            {
                // The former pattern needed the closing tag; without it, only the tag itself goes.
                return invisible ? to : end;
            }
            var inner = html[end..Math.Max(end, Math.Min(close, to))];
            if (found is not null && name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                found.Title ??= inner;
            }
            else if (found is not null && name.Equals("script", StringComparison.OrdinalIgnoreCase) && found.StructuredData.Count < 10
                && html.AsSpan(lt, end - lt).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                found.StructuredData.Add(inner);
            }
            text.Append(' ');
            return Math.Min(to, Math.Max(scanner.TagEnd(close), close + 2));
        }
        if (found is not null && found.H1 is null && name.Equals("h1", StringComparison.OrdinalIgnoreCase) && scanner.FindClosing("h1", end) is var h1 and >= 0)
        {
            found.H1 = html[end..Math.Max(end, Math.Min(h1, to))];
        }
        text.Append(Blocks.Contains(name) ? "\n\n" : string.Empty);
        return end;
    }

    private static (string Name, bool Closing) TagName(string html, int lt, int end)
    {
        var i = lt + 1;
        var closing = i < end && html[i] == '/';
        if (closing)
        {
            i++;
        }
        var start = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }
        return (html[start..i].ToLowerInvariant(), closing);
    }

    /// <summary>name/property/itemprop and content of one &lt;meta&gt; tag (its text is at most <see cref="MaxTagLength"/>).</summary>
    private static void ReadMeta(ReadOnlySpan<char> tag, Found found)
    {
        string? key = null;
        string? content = null;
        var i = 5;
        while (i < tag.Length)
        {
            while (i < tag.Length && !char.IsAsciiLetter(tag[i]))
            {
                i++;
            }
            var nameStart = i;
            while (i < tag.Length && (char.IsAsciiLetterOrDigit(tag[i]) || tag[i] is '-' or ':' or '_'))
            {
                i++;
            }
            var name = tag[nameStart..i];
            while (i < tag.Length && tag[i] == ' ')
            {
                i++;
            }
            if (i >= tag.Length || tag[i] != '=')
            {
                continue;
            }
            i++;
            while (i < tag.Length && tag[i] == ' ')
            {
                i++;
            }
            var quote = i < tag.Length && tag[i] is '"' or '\'' ? tag[i++] : ' ';
            var valueStart = i;
            while (i < tag.Length && tag[i] != quote && tag[i] != '>')
            {
                i++;
            }
            var value = tag[valueStart..i].ToString();
            i++;
            if (name.Equals("content", StringComparison.OrdinalIgnoreCase))
            {
                content = value;
            }
            else if (name.Equals("property", StringComparison.OrdinalIgnoreCase) || name.Equals("name", StringComparison.OrdinalIgnoreCase) || name.Equals("itemprop", StringComparison.OrdinalIgnoreCase))
            {
                key ??= value.Trim();
            }
        }
        if (key is { Length: > 0 and < 100 } && !string.IsNullOrEmpty(content) && found.Meta.Count < 200)
        {
            found.Meta.TryAdd(key, WebUtility.HtmlDecode(content));
        }
    }

    /// <summary>
    /// Runs of blank lines become one blank line: what <c>[ \t]*\n(?:[ \t]*\n)+</c> → "\n\n" did, as a loop that reads
    /// each character at most twice whatever the whitespace (the pattern retried every start of a long run of spaces).
    /// </summary>
    internal static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLineSpace(text[i]) && text[i] != '\n')
            {
                builder.Append(text[i++]);
                continue;
            }
            var p = i;
            var newlines = 0;
            var afterLast = i;
            while (true)
            {
                var k = p;
                while (k < text.Length && IsLineSpace(text[k]))
                {
                    k++;
                }
                if (k < text.Length && text[k] == '\n')
                {
                    newlines++;
                    p = k + 1;
                    afterLast = p;
                    continue;
                }
                p = k;
                break;
            }
            if (newlines >= 2)
            {
                builder.Append("\n\n");
                i = afterLast;
            }
            else
            {
                var stop = newlines == 1 ? afterLast : p;
                builder.Append(text, i, stop - i);
                i = stop;
            }
        }
        return builder.ToString();
    }

    private static bool IsLineSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F';

    /// <summary>
    /// "Where is the next X after position p" with memory: when the next X after p is at q, it is also the next X
    /// after any p' in (p, q]; when there is none after p, there is none after any later p'. So each search covers
    /// text no earlier search covered, and the whole scan stays linear however many openers the page repeats.
    /// </summary>
    private sealed class Scanner(string html)
    {
        private readonly Dictionary<string, (int From, int Found)> memory = new(StringComparer.Ordinal);

        /// <summary>The index just after the '&gt;' closing the tag at <paramref name="lt"/>, or -1 when it is not a tag.</summary>
        public int TagEnd(int lt)
        {
            if (lt + 1 >= html.Length || !(char.IsAsciiLetter(html[lt + 1]) || html[lt + 1] is '/' or '!' or '?'))
            {
                return -1;
            }
            var gt = Find(">", lt + 1);
            var lt2 = Find("<", lt + 1);
            if (gt < 0 || (lt2 >= 0 && lt2 < gt) || gt - lt > MaxTagLength)
            {
                return -1;
            }
            return gt + 1;
        }

        public int FindOpening(string name, int from)
        {
            for (var at = Find("<" + name, from); at >= 0; at = Find("<" + name, at + 1))
            {
                var after = at + 1 + name.Length;
                if (after >= html.Length || !char.IsAsciiLetterOrDigit(html[after]))
                {
                    return at;
                }
            }
            return -1;
        }

        public int FindClosing(string name, int from) => Find("</" + name, from);

        public int Find(string what, int from)
        {
            if (memory.TryGetValue(what, out var known) && from >= known.From && (known.Found < 0 || from <= known.Found))
            {
                return known.Found;
            }
            var found = from >= html.Length ? -1 : html.IndexOf(what, from, StringComparison.OrdinalIgnoreCase);
            memory[what] = (from, found);
            return found;
        }
    }
}
