using System.Text;
using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Accent- and case-insensitive matching for French text. <see cref="FoldSameLength(string)"/> keeps the length of the text, so a
/// position found in the folded text is the same position in the original: evidence is cut from the original.
/// </summary>
internal static class FrenchText
{
    /// <summary>
    /// Options for every pattern run on folded text. IgnoreCase is not for matching (folded text is lower case already):
    /// with it the regex generator looks for the pattern's literal prefixes with a vectorised multi-string search, which
    /// it does not do for case-sensitive patterns; cue lists ("\bdate limite\b|\bau plus tard\b|…") scan a page
    /// 5–30 times faster. Pair with <see cref="FoldedCulture"/>.
    /// </summary>
    public const RegexOptions FoldedOptions = RegexOptions.IgnoreCase;

    /// <summary>
    /// The case table for <see cref="FoldedOptions"/>, chosen so that ignoring case changes no match. Folded text holds no
    /// upper case but one letter: 'I', the fold of 'İ' (U+0130 decomposes to I + dot). The invariant table would let a
    /// pattern's 'i' match it; the Turkish one pairs i/İ and I/ı instead, so 'i' matches only 'i' (and 'İ', never in
    /// folded text). Patterns for folded text are written in lower case, where this table agrees with plain matching.
    /// </summary>
    public const string FoldedCulture = "tr-TR";

    /// <summary>
    /// Every pattern of the normaliser reads text from outside; each is written to run in linear time, and this bound
    /// is the safety net should one not: a match that runs out of time throws, and the normaliser treats the field it
    /// was reading as not found (see <see cref="CallTextNormaliser"/>).
    /// </summary>
    public const int MatchTimeoutMilliseconds = 2000;

    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Lower case, no accents, every space (U+00A0, U+202F…) a plain space, typographic quotes and dashes ASCII.</summary>
    public static string FoldSameLength(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            var table = FoldTable;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });

    /// <summary>Folds part of a text (same result as folding the substring) without the substring.</summary>
    public static string FoldSameLength(ReadOnlySpan<char> text)
    {
        var table = FoldTable;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            buffer[i] = table[text[i]];
        }
        return new string(buffer);
    }

    /// <summary>One line of readable text: runs of any whitespace (no-break spaces included) become one space.</summary>
    public static string Squeeze(string text) => Squeeze(text.AsSpan());

    /// <summary>
    /// A loop rather than <c>Regex.Replace(text, @"\s+", " ").Trim()</c>, its former body (summaries squeeze up to
    /// 4,000 characters per page): same result, since <c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> are the same set.
    /// </summary>
    public static string Squeeze(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        text = text[start..end];
        if (text.IsEmpty)
        {
            return string.Empty;
        }
        // Most evidence phrases are already squeezed: no copy then.
        var pending = false;
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (pending || c != ' ')
                {
                    clean = false;
                    break;
                }
                pending = true;
            }
            else
            {
                pending = false;
            }
        }
        if (clean)
        {
            return text.ToString();
        }
        var builder = new StringBuilder(text.Length);
        pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = true;
                continue;
            }
            if (pending)
            {
                builder.Append(' ');
                pending = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = FoldChar((char)i);
        }
        return table;
    }

    private static char FoldChar(char c)
    {
        if (c == '\n')
        {
            return c;
        }
        if (char.IsSurrogate(c))
        {
            return c;
        }
        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '\u0060' or '\u2032':
                return '\'';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                return '-';
            case '\u0153' or '\u0152':
                return 'o';
            case '\u00E6' or '\u00C6':
                return 'a';
            case '\u00DF':
                return 's';
        }
        var lower = char.ToLowerInvariant(c);
        if (lower < 128)
        {
            return lower;
        }
        if (lower is >= '\u00C0' and <= '\u024F')
        {
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0 && decomposed[0] < 128)
            {
                return decomposed[0];
            }
        }
        return lower;
    }
}
