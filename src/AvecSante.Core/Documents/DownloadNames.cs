using System.Text;
using AvecSante.Core.Common;

namespace AvecSante.Core.Documents;

/// <summary>
/// The name a file is downloaded under: the uploaded name's stem without any path or control character, with the
/// extension of the type its bytes really are (a DOCX uploaded as « x.pdf » downloads as « x.docx »).
/// </summary>
public static class DownloadNames
{
    private const int MaxStemLength = 100;

    public static string For(string? uploadedName, string title, SniffedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var stem = Stem(uploadedName);
        if (stem.Length == 0)
        {
            stem = Stem(title.Replace('.', ' '));
        }
        if (stem.Length == 0)
        {
            stem = "document";
        }
        return stem + type.Extension;
    }

    private static string Stem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }
        // Browsers and multipart clients may send a full path (C:\Users\…\fiche.pdf): keep the last segment.
        var last = name.Replace('\\', '/').Split('/')[^1];
        var dot = last.LastIndexOf('.');
        if (dot > 0)
        {
            last = last[..dot];
        }
        var safe = new StringBuilder(last.Length);
        foreach (var c in XmlText.Strip(last).Normalize(NormalizationForm.FormC)) // what normalisation refuses is dropped first
        {
            safe.Append(char.IsControl(c) || c is '"' or '\'' or ';' or '<' or '>' or ':' or '*' or '?' or '|' or '%' ? '_' : c);
        }
        var text = safe.ToString().Trim(' ', '.', '_');
        return text.Length > MaxStemLength ? text[..MaxStemLength].TrimEnd() : text;
    }
}
