using System.Text;

namespace AvecSante.Core.Common;

/// <summary>
/// Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) removed.
/// A page title with « &amp;#1; » must not make the report's Word or Excel file impossible to write.
/// </summary>
public static class XmlText
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
