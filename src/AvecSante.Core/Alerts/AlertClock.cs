using System.Globalization;

namespace AvecSante.Core.Alerts;

/// <summary>When the 08:00 Paris jobs act. Their timers fire hourly in UTC, so summer time needs no second schedule.</summary>
public static class AlertClock
{
    public const int Hour = 8;

    /// <summary>From 08:00 Paris on; a day already done (state mark) is not done again, so a failed 08:00 run catches up.</summary>
    public static bool IsTimeToAct(DateTimeOffset paris) => paris.Hour >= Hour;

    public static DateOnly Day(DateTimeOffset paris) => DateOnly.FromDateTime(paris.DateTime);

    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)).ToString("D2", CultureInfo.InvariantCulture)}";
}

public sealed record ScheduledRun(bool Acted, int Planned);
