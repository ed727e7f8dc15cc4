using System.Globalization;
using System.Text;

namespace AvecSante.Core.Common;

/// <summary>
/// The one way we compare French words typed by different people: lowercase, no diacritics, ligatures spelled out,
/// punctuation as single spaces ("Élodie-Anne  D'Arc" → "elodie anne d arc"). Used for search, dedup and name matching.
/// Any text folds: what Unicode normalisation refuses (a lone surrogate, U+FFFE in an uploaded file) is dropped first.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var decomposed = XmlText.Strip(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (!char.IsLetterOrDigit(lower))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            _ = lower switch
            {
                'œ' => folded.Append("oe"),
                'æ' => folded.Append("ae"),
                'ß' => folded.Append("ss"),
                _ => folded.Append(lower),
            };
        }
        return folded.ToString();
    }
}
