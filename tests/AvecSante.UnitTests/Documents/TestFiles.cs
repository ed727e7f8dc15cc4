using System.IO.Compression;
using System.Text;

namespace AvecSante.UnitTests.Documents;

/// <summary>Minimal files of each kind, built in memory: just the bytes the sniffer looks at.</summary>
internal static class TestFiles
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    /// <summary>An ELF executable's first bytes (what a Linux binary renamed .pdf starts with).</summary>
    public static byte[] Elf => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A Windows executable's first bytes ("MZ").</summary>
    public static byte[] WindowsExe => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    public static byte[] Office(string mainPart, string mainContentType) => Zip(
        ("[Content_Types].xml", $"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>"),
        ("_rels/.rels", "<Relationships/>"),
        (mainPart, "<root/>"));

    public static byte[] Docx => Office("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    public static byte[] Pptx => Office("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

    public static byte[] Xlsx => Office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    public static byte[] Odt(string mimetype = "application/vnd.oasis.opendocument.text") => Zip(
        ("mimetype", mimetype),
        ("content.xml", "<office:document-content/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }
}
