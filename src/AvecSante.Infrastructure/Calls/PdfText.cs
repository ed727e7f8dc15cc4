using UglyToad.PdfPig;

namespace AvecSante.Infrastructure.Calls;

/// <summary>Text of a PDF attachment (PdfPig), for calls whose details are in an attached document.</summary>
public static class PdfText
{
    public const int MaxPages = 40;

    /// <summary>The text of the first pages, or null when the file is not a readable PDF (scans have no text layer).</summary>
    public static string? Extract(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var document = PdfDocument.Open(content);
            var pages = document.GetPages().Take(MaxPages).Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)));
            var text = string.Join("\n", pages).Trim();
            return text.Length == 0 ? null : text;
        }
#pragma warning disable CA1031 // A broken or encrypted PDF must not stop the mail it came with: its text is just missing.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
