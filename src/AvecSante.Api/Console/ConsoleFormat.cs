using System.Globalization;

using AvecSante.Core.Calls;
using AvecSante.Core.Common;

namespace AvecSante.Api.Console;

/// <summary>Dates as the staff read them: Paris time, French words.</summary>
public static class ConsoleFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A call's status as the staff say it.</summary>
    public static string Status(CallStatus status) => status switch
    {
        CallStatus.Open => "ouvert",
        CallStatus.ToReview => "à vérifier",
        _ => "clos",
    };

    public static string Deadline(DateTimeOffset? deadline) =>
        deadline is { } d ? ParisTime.ToParis(d).ToString("dddd d MMMM yyyy 'à' HH'h'mm", French) : "sans date limite";

    public static string Day(DateTimeOffset instant) => ParisTime.ToParis(instant).ToString("d MMMM yyyy 'à' HH'h'mm", French);

    public static string DaysLeft(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } d)
        {
            return string.Empty;
        }
        var days = ParisTime.ToParis(d).Date.Subtract(ParisTime.ToParis(now).Date).Days;
        return days switch
        {
            < 0 => "clos",
            0 => "aujourd'hui",
            1 => "demain",
            _ => $"dans {days} jours",
        };
    }

    /// <summary>The datetime-local value of a deadline (Paris wall clock), as the publish form takes it.</summary>
    public static string LocalInput(DateTimeOffset? deadline) =>
        deadline is { } d ? ParisTime.ToParis(d).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static string Themes(IEnumerable<string> codes) => string.Join(", ", codes.Select(Core.Common.Themes.Label));
}
