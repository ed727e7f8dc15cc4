using AvecSante.Core.Common;
using AvecSante.Infrastructure.Members;
using AvecSante.Infrastructure.Reports;
using DocumentFormat.OpenXml.Packaging;

namespace AvecSante.UnitTests.Reports;

/// <summary>A control character from outside (« &amp;#1; » in a page title) cannot stop the report or the exports.</summary>
public sealed class XmlInvalidCharactersTests
{
    [Fact]
    public void Characters_xml_cannot_carry_are_removed_and_the_rest_kept()
    {
        Assert.Equal("Appel\tà projets\n😀 é", XmlText.Strip("Ap\u0001pel\tà\u000B projets\n😀\uFFFE \uD800é"));
        Assert.Same("rien à retirer", XmlText.Strip("rien à retirer"));
    }

    [Fact]
    public void The_excel_annex_is_written_when_a_call_title_holds_a_control_character()
    {
        var data = ReportSamples.Data();
        var poisoned = data with { Calls = data.Calls!.Select(c => c with { Title = c.Title + "\u0001 poison" }).ToList() };

        var bytes = ExcelAnnexWriter.Write(ReportSamples.Report(poisoned));

        using var annex = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Contains(annex.WorkbookPart!.WorksheetParts, p => p.Worksheet.InnerText.Contains(" poison", StringComparison.Ordinal));
    }

    [Fact]
    public void The_member_export_sheet_is_written_with_control_characters_in_cells()
    {
        using var output = new MemoryStream();

        XlsxSheet.Write(output, "Adhérents", ["Nom", "Ville"], [["MSP\u0002 des Trois Rivières", "Pacé\u0000"]]);

        using var sheet = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        Assert.Contains("MSP des Trois Rivières", sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText, StringComparison.Ordinal);
    }
}
