using System.Globalization;
using AvecSante.Core.Common;
using AvecSante.Core.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AvecSante.Infrastructure.Reports;

/// <summary>How a column's cells are typed (so Excel sorts, sums and filters them as numbers and dates, not text).</summary>
public enum AnnexCell
{
    Text,
    Count,
    Euros,
    Share,
    Date,
    YesNo,
}

/// <summary>One sheet of the annex: a name (≤ 31 characters), typed columns, rows of values (string, int, long, decimal, double, DateOnly, bool or null).</summary>
public sealed record AnnexSheet(string Name, IReadOnlyList<(string Header, AnnexCell Type)> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The Excel annex: the raw tables behind the report, one sheet each, typed cells, header row frozen and filterable.
/// Written with the OpenXML SDK (inline strings, a small style sheet for dates, euros and shares).
/// </summary>
public static class ExcelAnnexWriter
{
    private const uint StyleHeader = 1;
    private const uint StyleDate = 2;
    private const uint StyleEuros = 3;
    private const uint StyleShare = 4;
    private const uint StyleInteger = 5;

    public static byte[] Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(Sheets(report));
    }

    public static IReadOnlyList<AnnexSheet> Sheets(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var y = report.Current;
        var sheets = new List<AnnexSheet>
        {
            new("Synthèse", [("Ambition", AnnexCell.Text), ("Indicateur", AnnexCell.Text), (report.Year.ToString(CultureInfo.InvariantCulture), AnnexCell.Text), ((report.Year - 1).ToString(CultureInfo.InvariantCulture), AnnexCell.Text), ("Évolution", AnnexCell.Text)],
                ReportHeadlines.For(report).Select(h => new object?[] { h.Ambition, h.Label, h.Current, h.Previous, h.Change }).ToList()),
            new("Adhérents", [("Structure", AnnexCell.Text), ("Type", AnnexCell.Text), ("Département", AnnexCell.Text), ("Commune", AnnexCell.Text), ("Signataire ACI", AnnexCell.YesNo), ("Nouvelle adhésion", AnnexCell.YesNo), ("Cotisation", AnnexCell.Euros), ("Part nationale", AnnexCell.Euros), ("Payée le", AnnexCell.Date)],
                (y.Members?.Rows ?? []).Select(r => new object?[] { r.Name, r.Kind, r.Department, r.Commune, r.AciSignatory, r.IsNew, r.Amount, r.NationalShare, r.PaidOn }).ToList()),
            new("Événements", [("Date", AnnexCell.Date), ("Événement", AnnexCell.Text), ("Type", AnnexCell.Text), ("Lieu", AnnexCell.Text), ("Places", AnnexCell.Count), ("Inscrits", AnnexCell.Count), ("Liste d'attente", AnnexCell.Count), ("Annulés", AnnexCell.Count), ("Présents", AnnexCell.Count), ("Recettes", AnnexCell.Euros)],
                (y.Events?.Rows ?? []).Select(r => new object?[] { r.Date, r.Title, r.Kind, r.Venue, r.Capacity, r.Registrations, r.Waitlisted, r.Cancelled, r.Attended, r.RevenueCents / 100m }).ToList()),
            new("Appels", [("Publié le", AnnexCell.Date), ("Date limite", AnnexCell.Date), ("Délai (jours)", AnnexCell.Count), ("Financeur", AnnexCell.Text), ("Intitulé", AnnexCell.Text), ("Type", AnnexCell.Text), ("Thèmes", AnnexCell.Text), ("Territoires", AnnexCell.Text)],
                (y.Calls?.Rows ?? []).Select(r => new object?[] { r.PublishedOn, r.Deadline, r.WindowDays, r.Funder, r.Title, r.Kind, string.Join(", ", r.Themes.Select(Themes.Label)), string.Join(", ", r.Departments.Select(Departments.Label)) }).ToList()),
            new("Délais par financeur", [("Financeur", AnnexCell.Text), ("Appels datés", AnnexCell.Count), ("Médiane (jours)", AnnexCell.Count), ("Plus court", AnnexCell.Count), ("Plus long", AnnexCell.Count), ("Moins de 21 jours", AnnexCell.Count), ("Moins de 30 jours", AnnexCell.Count), ("Part < 21 jours", AnnexCell.Share), ("Part < 30 jours", AnnexCell.Share)],
                (y.Calls?.WindowsByFunder ?? []).Select(f => new object?[] { f.Funder, f.Windows.Count, f.Windows.Median, f.Windows.Shortest, f.Windows.Longest, f.Windows.Under21, f.Windows.Under30, f.Windows.ShareUnder21, f.Windows.ShareUnder30 }).ToList()),
            new("Envois", [("Canal", AnnexCell.Text), ("Envoyés", AnnexCell.Count), ("Échecs", AnnexCell.Count), ("En attente ou annulés", AnnexCell.Count)],
                (y.Alerts?.ByChannel ?? []).Select(c => new object?[] { c.Label, c.Sent, c.Failed, c.Other }).ToList()),
            new("Fiches", [("Déposée le", AnnexCell.Date), ("Titre", AnnexCell.Text), ("Structure", AnnexCell.Text), ("Département", AnnexCell.Text), ("Année du projet", AnnexCell.Count), ("Thèmes", AnnexCell.Text)],
                (y.Documents?.Rows ?? []).Select(r => new object?[] { r.CollectedOn, r.Title, r.Structure, r.Department is { } dep ? Departments.Label(dep) : null, r.ProjectYear, string.Join(", ", r.Themes.Select(Themes.Label)) }).ToList()),
        };
        return sheets;
    }

    public static byte[] Write(IReadOnlyList<AnnexSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(AnnexSheet sheet)
    {
        var lastColumn = Column(sheet.Columns.Count - 1);
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0U, TabSelected = false });
        var columns = new Columns();
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            var longest = Math.Max(sheet.Columns[i].Header.Length, sheet.Rows.Take(500).Select(r => Display(r.ElementAtOrDefault(i)).Length).DefaultIfEmpty(0).Max());
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(longest + 3, 10, 60), CustomWidth = true });
        }
        var data = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            header.Append(TextCell(Column(i) + "1", sheet.Columns[i].Header, StyleHeader));
        }
        data.Append(header);
        var rowIndex = 2U;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                if (Cell(Column(i) + rowIndex.ToString(CultureInfo.InvariantCulture), i < values.Length ? values[i] : null, sheet.Columns[i].Type) is { } cell)
                {
                    row.Append(cell);
                }
            }
            data.Append(row);
            rowIndex++;
        }
        // Printed, a sheet fits the width of a landscape page (its rows run on as many pages as they need).
        var properties = new SheetProperties(new PageSetupProperties { FitToPage = true });
        var worksheet = new Worksheet(properties, views, new SheetFormatProperties { DefaultRowHeight = 15D }, columns, data);
        worksheet.Append(new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, sheet.Rows.Count + 1)}" });
        worksheet.Append(new PageMargins { Left = 0.5D, Right = 0.5D, Top = 0.6D, Bottom = 0.6D, Header = 0.3D, Footer = 0.3D });
        worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9U, FitToWidth = 1U, FitToHeight = 0U });
        return worksheet;
    }

    private static Cell? Cell(string reference, object? value, AnnexCell type)
    {
        switch (value)
        {
            case null:
                return null;
            case DateOnly date:
                return Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), StyleDate);
            case bool flag:
                // "oui"/"non" rather than a boolean cell: spreadsheets show those as 1/0 or TRUE/FALSE, which staff misread.
                return TextCell(reference, flag ? "oui" : "non", 0U);
            case int or long:
                return Number(reference, Convert.ToString(value, CultureInfo.InvariantCulture)!, type == AnnexCell.Euros ? StyleEuros : StyleInteger);
            case decimal or double:
                var style = type switch { AnnexCell.Euros => StyleEuros, AnnexCell.Share => StyleShare, _ => 0U };
                return Number(reference, Convert.ToString(value, CultureInfo.InvariantCulture)!, style);
            default:
                return TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, 0U);
        }
    }

    private static string Display(object? value) => value switch
    {
        null => string.Empty,
        DateOnly => "00/00/0000",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static Cell Number(string reference, string value, uint style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(Core.Common.XmlText.Strip(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "#,##0.00\\ \"€\"" },
            new NumberingFormat { NumberFormatId = 166U, FormatCode = "0.0%" })
        { Count = 3U },
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF1" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
        { Count = 3U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 0U, FormatId = 0U, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 6U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private static string Column(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
