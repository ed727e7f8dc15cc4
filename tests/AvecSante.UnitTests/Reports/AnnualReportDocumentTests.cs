using System.Text.Json;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace AvecSante.UnitTests.Reports;

public sealed class AnnualReportDocumentTests
{
    private static readonly AnnualReport Demo = ReportSamples.Report();

    /// <summary>Both the SDK's default (Office 2007 schemas, the strictest about newer attributes) and Office 2019.</summary>
    private static List<ValidationErrorInfo> Validate(OpenXmlPackage package) =>
        new OpenXmlValidator().Validate(package).Concat(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package)).ToList();

    private static string Describe(IEnumerable<ValidationErrorInfo> errors) =>
        string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    [Fact]
    public void The_demo_years_word_document_passes_the_openxml_validator_with_no_error()
    {
        var bytes = AnnualReportWordWriter.Write(Demo);
        DumpForManualCheck("rapport-demo.docx", bytes);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public void Headings_are_real_word_styles_with_outline_levels_so_navigation_and_the_table_of_contents_work()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(AnnualReportWordWriter.Write(Demo)), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        var body = document.MainDocumentPart.Document!.Body!;
        var headings = body.Descendants<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Synthèse de l'année", "1. Consolider et sécuriser le développement des MSP bretonnes", "2. Améliorer la qualité et la maturité de l'exercice coordonné",
            "3. Fédérer les acteurs", "4. Représenter et porter la voix des MSP", "Méthode et sources"], headings);
        Assert.Contains(body.Descendants<W.FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));
        Assert.True(document.MainDocumentPart.DocumentSettingsPart!.Settings!.Elements<W.UpdateFieldsOnOpen>().Single().Val!.Value);
    }

    [Fact]
    public void Charts_are_png_images_with_french_alternative_text()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(AnnualReportWordWriter.Write(Demo)), false);
        var images = document.MainDocumentPart!.ImageParts.ToList();
        var descriptions = document.MainDocumentPart.Document!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description?.Value).ToList();

        Assert.True(images.Count >= 4, $"{images.Count} images");
        Assert.All(images, i => Assert.Equal("image/png", i.ContentType));
        Assert.Equal(images.Count, descriptions.Count);
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Contains(descriptions, d => d!.Contains("délai de réponse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_with_no_members_events_or_calls_still_gives_a_valid_document_that_says_so()
    {
        var empty = AnnualReportCalculator.Compute(2024, "AVECsanté Bretagne", DateTimeOffset.UnixEpoch, new ReportData { Structures = [], Cotisations = [], Events = [], Calls = [] });

        var bytes = AnnualReportWordWriter.Write(empty);
        DumpForManualCheck("rapport-vide.docx", bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Aucune donnée pour 2024 : aucune adhésion ni cotisation payée", text, StringComparison.Ordinal);
        Assert.Contains("Aucune donnée pour 2024 : aucun événement", text, StringComparison.Ordinal);
        Assert.Contains("Aucune donnée pour 2024 : aucun appel à projets", text, StringComparison.Ordinal);
        Assert.Empty(document.MainDocumentPart.ImageParts);

        using var annex = SpreadsheetDocument.Open(new MemoryStream(ExcelAnnexWriter.Write(empty)), false);
        Assert.Empty(Validate(annex));
    }

    [Fact]
    public void The_excel_annex_is_valid_has_one_sheet_per_table_typed_cells_and_a_frozen_header_row()
    {
        var bytes = ExcelAnnexWriter.Write(Demo);
        DumpForManualCheck("annexe-demo.xlsx", bytes);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        var errors = Validate(document);
        Assert.True(errors.Count == 0, Describe(errors));
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook!.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Synthèse", "Adhérents", "Événements", "Appels", "Délais par financeur", "Envois", "Fiches"], names);

        var calls = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets.Elements<X.Sheet>().Single(s => s.Name == "Appels").Id!);
        var pane = calls.Worksheet!.Descendants<X.Pane>().Single();
        Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var firstRow = calls.Worksheet.Descendants<X.Row>().ElementAt(1).Elements<X.Cell>().ToList();
        Assert.Null(firstRow[0].DataType); // a date: a number with a date format, not text
        Assert.Equal(2U, firstRow[0].StyleIndex!.Value);
        Assert.True(double.TryParse(firstRow[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(X.CellValues.InlineString, firstRow[3].DataType!.Value);
    }

    [Fact]
    public void The_json_summary_carries_the_headlines_and_the_answer_windows_but_not_the_raw_rows()
    {
        using var json = JsonDocument.Parse(AnnualReportRenderer.Json(Demo));
        var root = json.RootElement;

        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal(14, root.GetProperty("headlines").GetArrayLength());
        var windows = root.GetProperty("current").GetProperty("calls").GetProperty("windows");
        Assert.True(windows.GetProperty("median").GetDouble() > 0);
        Assert.True(windows.TryGetProperty("shareUnder21", out _));
        Assert.False(root.GetProperty("current").GetProperty("calls").TryGetProperty("rows", out _));
    }

    /// <summary>AVECSANTE_REPORT_DUMP=folder writes the documents there, to convert and look at them (LibreOffice, not in the suite).</summary>
    private static void DumpForManualCheck(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("AVECSANTE_REPORT_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
