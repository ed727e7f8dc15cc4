using System.Text;
using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Accent- and case-insensitive matching for French text. <see cref="Fold"/> keeps the length of the text, so a
/// position found in the folded text is the same position in the original: evidence is cut from the original.
/// </summary>
internal static partial class FrenchText
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Lower case, no accents, every space (U+00A0, U+202F…) a plain space, typographic quotes and dashes ASCII.</summary>
    public static string Fold(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            var table = FoldTable;
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });

    /// <summary>One line of readable text: runs of any whitespace (no-break spaces included) become one space.</summary>
    public static string Squeeze(string text) => Whitespace().Replace(text, " ").Trim();

    public static string Squeeze(ReadOnlySpan<char> text) => Squeeze(text.ToString());

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

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
