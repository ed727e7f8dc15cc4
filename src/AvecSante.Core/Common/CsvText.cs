using System.Text;

namespace AvecSante.Core.Common;

/// <summary>One CSV record and the physical line (1-based) it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool Windows1252);

/// <summary>
/// Reads CSV as French offices produce it: ';' separator, '"' quotes, UTF-8 with or without BOM or Windows-1252. The
/// encoding is decided per line: spreadsheets that append to an old file produce files where both coexist, and a strict
/// UTF-8 decode fails exactly on the Windows-1252 lines.
/// </summary>
public static class CsvText
{
    public const char Separator = ';';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 comes with the framework's code pages provider (no package needed on .NET 10).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <param name="separator">';' for French offices' files (the default); ',' for RFC 4180 exports.</param>
    public static IReadOnlyList<CsvRecord> Read(ReadOnlySpan<byte> content, char separator = Separator)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }
        var lines = new List<(int Number, string Text, bool Cp1252)>();
        var number = 0;
        while (content.Length > 0 || number == 0)
        {
            number++;
            var end = content.IndexOf((byte)'\n');
            var raw = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (raw.Length > 0 && raw[^1] == '\r')
            {
                raw = raw[..^1];
            }
            lines.Add(Decode(number, raw));
            if (end < 0)
            {
                break;
            }
        }
        return Parse(lines, separator);
    }

    private static (int, string, bool) Decode(int number, ReadOnlySpan<byte> raw)
    {
        try
        {
            return (number, StrictUtf8.GetString(raw), false);
        }
        catch (DecoderFallbackException)
        {
            return (number, Windows1252.GetString(raw), true);
        }
    }

    /// <summary>Splits the decoded lines into records; a quoted field may span lines.</summary>
    private static List<CsvRecord> Parse(List<(int Number, string Text, bool Cp1252)> lines, char separator)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var start = 0;
        var cp1252 = false;
        foreach (var (number, text, isCp1252) in lines)
        {
            if (!inQuotes)
            {
                start = number;
                cp1252 = false;
                fields.Clear();
                field.Clear();
            }
            else
            {
                field.Append('\n');
            }
            cp1252 |= isCp1252;
            inQuotes = ReadLine(text, separator, fields, field, inQuotes);
            if (inQuotes)
            {
                continue;
            }
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                records.Add(new CsvRecord(start, fields.ToList(), cp1252));
            }
        }
        if (inQuotes)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(start, fields.ToList(), cp1252));
        }
        return records;
    }

    /// <summary>Reads one physical line into the record's fields; true when it ends inside quotes (the field goes on).</summary>
    private static bool ReadLine(string text, char separator, List<string> fields, StringBuilder field, bool inQuotes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        return inQuotes;
    }

    /// <summary>One CSV line in the same conventions; cells that a spreadsheet would run as a formula are defused.</summary>
    public static string Line(IEnumerable<string?> cells) =>
        string.Join(Separator, cells.Select(Cell));

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        value = SpreadsheetCells.Defuse(value);
        return value.IndexOfAny([Separator, '"', '\n', '\r']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
