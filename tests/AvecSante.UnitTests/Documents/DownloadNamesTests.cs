using AvecSante.Core.Documents;

namespace AvecSante.UnitTests.Documents;

public sealed class DownloadNamesTests
{
    [Theory]
    [InlineData("fiche-tabac.pdf", "fiche-tabac.pdf")]
    [InlineData(@"C:\Users\katell\Bureau\Fiche été.pdf", "Fiche été.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("a\"b;c\r\nd.pdf", "a_b_c__d.pdf")]
    public void The_uploaded_name_is_kept_without_path_or_dangerous_characters(string uploaded, string expected)
    {
        Assert.Equal(expected, DownloadNames.For(uploaded, "Titre", ContentSniffer.Pdf));
    }

    [Fact]
    public void The_extension_is_the_one_of_the_real_content()
    {
        Assert.Equal("fiche.docx", DownloadNames.For("fiche.pdf", "Titre", ContentSniffer.Docx));
    }

    [Fact]
    public void Without_a_usable_name_the_title_is_used()
    {
        Assert.Equal("Marche santé du mardi.pdf", DownloadNames.For("  ", "Marche santé du mardi", ContentSniffer.Pdf));
    }
}
