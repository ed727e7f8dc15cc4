using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AvecSante.Infrastructure.Members;

/// <summary>Writes one worksheet of text cells (inline strings: no shared-string table to keep in step) with OpenXML.</summary>
public static class XlsxSheet
{
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, headers));
        var index = 2u;
        foreach (var row in rows)
        {
            data.Append(Row(index++, row));
        }
        sheetPart.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
        workbook.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<string?> cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(new Cell
            {
                CellReference = Column(i) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Core.Common.XmlText.Strip(cells[i] ?? string.Empty)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

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
