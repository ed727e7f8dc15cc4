namespace AvecSante.Core.Common;

/// <summary>French public holidays (jours fériés), including those that move with Easter.</summary>
public static class FrenchHolidays
{
    public static bool IsHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
        {
            return true;
        }
        var easter = EasterSunday(day.Year);
        return day == easter.AddDays(1) || day == easter.AddDays(39) || day == easter.AddDays(50);
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
