using System.IO.Compression;
using System.Text;

namespace AvecSante.Core.Documents;

/// <summary>A content type the library accepts, recognised from the bytes themselves.</summary>
public sealed record SniffedType(string MediaType, string Extension, string Label);

/// <summary>
/// Recognises accepted files by their content, never by their name or the Content-Type the client claims: an
/// executable renamed « fiche.pdf » is refused. Office files are ZIP packages; they are opened to check the parts that
/// make them what they say (a macro-enabled .docm declares another main part and is refused).
/// </summary>
public static class ContentSniffer
{
    public static readonly SniffedType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly SniffedType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word (DOCX)");
    public static readonly SniffedType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", "PowerPoint (PPTX)");
    public static readonly SniffedType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel (XLSX)");
    public static readonly SniffedType Odt = new("application/vnd.oasis.opendocument.text", ".odt", "OpenDocument texte (ODT)");
    public static readonly SniffedType Png = new("image/png", ".png", "image PNG");
    public static readonly SniffedType Jpeg = new("image/jpeg", ".jpg", "image JPEG");

    public static IReadOnlyList<SniffedType> Accepted { get; } = [Pdf, Docx, Odt, Pptx, Xlsx, Png, Jpeg];

    // [Content_Types].xml and the ODF mimetype entry are small; refuse to inflate more than this (ZIP bombs).
    private const int MaxDescriptorBytes = 256 * 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    private static readonly (string Part, string MainContentType, SniffedType Type)[] OfficeParts =
    [
        ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Docx),
        ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Pptx),
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Xlsx),
    ];

    /// <summary>The accepted type of <paramref name="content"/>, or null. The stream must be seekable; it is left at 0.</summary>
    public static SniffedType? Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }
        try
        {
            content.Position = 0;
            Span<byte> head = stackalloc byte[8];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith(PdfMagic))
            {
                return Pdf;
            }
            if (head.StartsWith(PngMagic))
            {
                return Png;
            }
            if (head.StartsWith(JpegMagic))
            {
                return Jpeg;
            }
            return head.StartsWith(ZipMagic) ? SniffPackage(content) : null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static SniffedType? SniffPackage(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                return ReadSmall(mimetype)?.Trim() == Odt.MediaType ? Odt : null;
            }
            if (zip.GetEntry("[Content_Types].xml") is not { } contentTypes || ReadSmall(contentTypes) is not { } declared)
            {
                return null;
            }
            foreach (var (part, mainContentType, type) in OfficeParts)
            {
                if (zip.GetEntry(part) is not null && declared.Contains(mainContentType, StringComparison.Ordinal))
                {
                    return type;
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not a readable one
        }
    }

    private static string? ReadSmall(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxDescriptorBytes)
        {
            return null;
        }
        using var stream = entry.Open();
        var buffer = new byte[MaxDescriptorBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > MaxDescriptorBytes ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }
}
