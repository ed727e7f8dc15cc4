using System.Globalization;

namespace AvecSante.Core.Reports;

/// <summary>Numbers, amounts, shares and dates as a French reader expects them (fr-FR: "1 234", "12,5 %", "15 janvier 2027").</summary>
public static class FrenchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public const string NoData = "Aucune donnée";

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Fraction(double value, int digits = 1) => value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), Culture);

    public static string Euros(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,##0 €" : "#,##0.00 €", Culture).Replace(" €", "\u00A0€", StringComparison.Ordinal);

    public static string EurosFromCents(long cents) => Euros(cents / 100m);

    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0.#", Culture) + "\u00A0%" : "—";

    public static string Days(double? value) => value is { } v ? Fraction(v, v == Math.Floor(v) ? 0 : 1) + (v >= 2 ? " jours" : " jour") : "—";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    /// <summary>The change of a share in percentage points ("+1,2 pt"), "=" when flat, "—" without N-1.</summary>
    public static string PointsChange(double? current, double? previous)
    {
        if (current is not { } now || previous is not { } before)
        {
            return "—";
        }
        var points = (now - before) * 100;
        return Math.Abs(points) < 0.05 ? "=" : (points > 0 ? "+" : "\u2212") + Math.Abs(points).ToString("0.#", Culture) + "\u00A0pt";
    }

    /// <summary>"+12 %", "−3", "=": the change from N-1 to N, or "—" when N-1 has nothing to compare with.</summary>
    public static string Change(double? current, double? previous)
    {
        if (current is not { } now || previous is not { } before || before == 0)
        {
            return "—";
        }
        var change = (now - before) / before;
        if (Math.Abs(change) < 0.0005)
        {
            return "=";
        }
        return (change > 0 ? "+" : "\u2212") + Math.Abs(change * 100).ToString("0", Culture) + "\u00A0%";
    }
}
