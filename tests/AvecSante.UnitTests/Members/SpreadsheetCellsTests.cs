using AvecSante.Api.Ticketing;
using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Members;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AvecSante.UnitTests.Members;

public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("+2+3+cmd|' /C calc'!A0")]
    [InlineData("=HYPERLINK(\"http://example.org\")")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    [InlineData("  =1+1")]
    [InlineData("\uFF1D1+1")]
    [InlineData("-1-1-1")]
    public void Every_cell_a_spreadsheet_would_read_as_a_formula_is_defused(string value) =>
        Assert.Equal("'" + value, SpreadsheetCells.Defuse(value));

    [Theory]
    [InlineData("-12,50")]
    [InlineData("+3")]
    [InlineData("-2")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+33 (0)6 12 34 56 78")]
    [InlineData("+33612345678")]
    [InlineData("Maëlle")]
    [InlineData("Jean-Yves")]
    public void Numbers_phone_numbers_and_ordinary_text_are_left_as_they_are(string value) =>
        Assert.Equal(value, SpreadsheetCells.Defuse(value));

    [Fact]
    public void The_registrations_csv_defuses_names_from_public_forms_including_tab_and_carriage_return()
    {
        var ticket = new Ticket
        {
            Key = "webhook~1",
            EventId = "e-1",
            Source = TicketSources.Webhook,
            ExternalId = "1",
            Attendee = new Attendee("\t=1+1", "-2+3+cmd|' /C calc'!A0", "\r=2+2"),
        };

        var csv = RegistrationsCsv.Write([ticket]).Split("\r\n")[1];

        Assert.Contains(";'-2+3+cmd|' /C calc'!A0;", csv, StringComparison.Ordinal);
        Assert.Contains(";'\t=1+1;", csv, StringComparison.Ordinal);
        Assert.Contains("\"'\r=2+2\"", RegistrationsCsv.Write([ticket]), StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_cells_are_typed_text_never_formulas()
    {
        using var stream = new MemoryStream();
        XlsxSheet.Write(stream, "Adhérents", ["nom"], [["-2+3+cmd|' /C calc'!A0"], ["=1+1"]]);
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();

        Assert.Empty(document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
    }
}
