using System.Text.RegularExpressions;

namespace AvecSante.Core.Common;

/// <summary>
/// The one rule for text cells of exported spreadsheets (CSV for Excel or LibreOffice): a cell a spreadsheet would read
/// as a formula gets a leading apostrophe. That is any cell whose first character past spaces is = + - @ (or their
/// full-width forms), a tab, a carriage return or a line feed, unless the whole cell is a number ("-12,50") or a phone
/// number ("+33 6 12 34 56 78"), which a spreadsheet reads as a value. Names and structures come from public forms.
/// </summary>
public static partial class SpreadsheetCells
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

    public static string Defuse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        // Only spaces are skipped: a leading tab or line break is itself a trigger.
        var first = value.TrimStart(' ');
        var trigger = first.Length > 0 && Triggers.Contains(first[0]);
        return trigger && !Number().IsMatch(value) && !Phone().IsMatch(value) ? "'" + value : value;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+([ .,][0-9]+)*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\+[0-9]{1,3}( ?\(0\))?([ .-]?[0-9]{1,4}){3,6}$")]
    private static partial Regex Phone();
}
