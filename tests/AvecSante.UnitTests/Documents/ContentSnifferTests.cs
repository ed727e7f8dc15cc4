using AvecSante.Core.Documents;

namespace AvecSante.UnitTests.Documents;

public sealed class ContentSnifferTests
{
    private static SniffedType? Sniff(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return ContentSniffer.Sniff(stream);
    }

    public static TheoryData<string, byte[], string> AcceptedFiles => new()
    {
        { "PDF", TestFiles.Pdf, "application/pdf" },
        { "PNG", TestFiles.Png, "image/png" },
        { "JPEG", TestFiles.Jpeg, "image/jpeg" },
        { "DOCX", TestFiles.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "PPTX", TestFiles.Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "XLSX", TestFiles.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "ODT", TestFiles.Odt(), "application/vnd.oasis.opendocument.text" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Each_accepted_format_is_recognised_from_its_bytes(string format, byte[] bytes, string mediaType)
    {
        Assert.Equal(mediaType, Sniff(bytes)?.MediaType);
        Assert.NotNull(format);
    }

    [Fact]
    public void A_linux_executable_is_refused_whatever_its_name()
    {
        Assert.Null(Sniff(TestFiles.Elf));
    }

    [Fact]
    public void A_windows_executable_is_refused()
    {
        Assert.Null(Sniff(TestFiles.WindowsExe));
    }

    [Fact]
    public void A_plain_zip_archive_is_refused()
    {
        Assert.Null(Sniff(TestFiles.Zip(("notes.txt", "bonjour"))));
    }

    [Fact]
    public void A_macro_enabled_word_file_is_refused()
    {
        Assert.Null(Sniff(TestFiles.Office("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")));
    }

    [Fact]
    public void An_office_package_without_its_main_part_is_refused()
    {
        var contentTypesOnly = TestFiles.Zip(("[Content_Types].xml",
            "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));

        Assert.Null(Sniff(contentTypesOnly));
    }

    [Fact]
    public void An_opendocument_spreadsheet_is_not_taken_for_a_text()
    {
        Assert.Null(Sniff(TestFiles.Odt("application/vnd.oasis.opendocument.spreadsheet")));
    }

    [Fact]
    public void A_file_that_only_starts_like_a_zip_is_refused_without_an_exception()
    {
        Assert.Null(Sniff([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    }

    [Fact]
    public void Empty_or_tiny_content_is_refused()
    {
        Assert.Null(Sniff([]));
        Assert.Null(Sniff([0x25]));
    }

    [Fact]
    public void The_stream_is_left_at_its_start_for_the_upload()
    {
        using var stream = new MemoryStream(TestFiles.Docx);

        ContentSniffer.Sniff(stream);

        Assert.Equal(0, stream.Position);
    }
}
