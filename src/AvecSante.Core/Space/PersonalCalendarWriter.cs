using System.Globalization;
using System.Text;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

/// <summary>
/// A person's calendar subscription (RFC 5545, METHOD:PUBLISH): one event per deadline of the calls that concern them,
/// in Paris time with its VTIMEZONE. UIDs are the calls' (the same as the alerts' date-limite.ics, so an imported
/// entry and the subscription never show twice); SEQUENCE grows with the call's history, so a moved deadline replaces
/// the event; a call cancelled before its deadline stays a while as STATUS:CANCELLED so every client removes it.
/// </summary>
public static class PersonalCalendarWriter
{
    /// <summary>Past deadlines stay this long, so the calendar keeps the recent history instead of blanking it.</summary>
    public static readonly TimeSpan KeepPast = TimeSpan.FromDays(30);

    public static IReadOnlyList<(CallForProjects Call, bool Cancelled)> Select(IEnumerable<CallForProjects> calls, Person person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls
            // Closed calls stay (a cancellation must reach the calendar); a call held "à vérifier" has reached nobody yet.
            .Where(c => c.Status != CallStatus.ToReview && c.Deadline is { } end && end >= now - KeepPast && SpaceBoard.Concerns(c, person))
            .Select(c => (Call: c, Cancelled: IsCancelled(c)))
            .OrderBy(x => x.Call.Deadline)
            .ThenBy(x => x.Call.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Closed before its deadline: cancelled (a call closed because its deadline passed is not).</summary>
    public static bool IsCancelled(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Status == CallStatus.Closed
            && call.History.LastOrDefault(h => h.Field == "status") is { To: "closed" } closing
            && call.Deadline is { } end && closing.At < end;
    }

    public static string Write(IReadOnlyList<(CallForProjects Call, bool Cancelled)> entries, SpaceAddresses addresses, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(addresses);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AVECsante Bretagne//Espace des coordinateurs//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:Appels à projets — AVECsanté Bretagne",
            "X-WR-CALNAME:Appels à projets — AVECsanté Bretagne",
            "X-WR-CALDESC:" + ICalendarText.Escape("Les dates limites des appels à projets qui vous concernent (vos préférences)."),
            "X-WR-TIMEZONE:Europe/Paris",
            "REFRESH-INTERVAL;VALUE=DURATION:PT4H",
            "X-PUBLISHED-TTL:PT4H",
        };
        lines.AddRange(ParisTimeZone);
        foreach (var (call, cancelled) in entries)
        {
            lines.AddRange(Event(call, cancelled, addresses, stamp));
        }
        lines.Add("END:VCALENDAR");
        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            ics.Append(ICalendarText.Fold(line)).Append("\r\n");
        }
        return ics.ToString();
    }

    private static IEnumerable<string> Event(CallForProjects call, bool cancelled, SpaceAddresses addresses, DateTimeOffset stamp)
    {
        var entry = DeadlineCalendar.EntryFor(call, cancelled);
        var page = addresses.Call(call.Id);
        var description = new StringBuilder(cancelled ? "Cet appel a été annulé ou clos avant sa date limite.\n" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $"Date limite de dépôt de l'appel « {call.Title} » ({call.Funder}).");
        if (call.DeadlineEvidence is { } evidence)
        {
            description.Append(CultureInfo.InvariantCulture, $"\nD'après le texte : « {evidence} »");
        }
        if (call.Url is { } source)
        {
            description.Append(CultureInfo.InvariantCulture, $"\nSource : {source}");
        }
        description.Append(CultureInfo.InvariantCulture, $"\nDans l'espace des coordinateurs : {page}");
        yield return "BEGIN:VEVENT";
        yield return $"UID:appel-{call.Id}@avecsante";
        yield return $"SEQUENCE:{entry.Sequence.ToString(CultureInfo.InvariantCulture)}";
        yield return $"DTSTAMP:{ICalendarText.Utc(stamp)}";
        yield return $"LAST-MODIFIED:{ICalendarText.Utc(call.UpdatedAt ?? call.CreatedAt)}";
        yield return $"DTSTART;TZID=Europe/Paris:{Local(entry.Deadline - DeadlineCalendar.Length)}";
        yield return $"DTEND;TZID=Europe/Paris:{Local(entry.Deadline)}";
        yield return "SUMMARY:" + ICalendarText.Escape(DeadlineCalendar.Summary(entry));
        yield return "DESCRIPTION:" + ICalendarText.Escape(description.ToString());
        yield return "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED");
        yield return "TRANSP:TRANSPARENT";
        yield return "URL:" + page;
        yield return "END:VEVENT";
    }

    private static string Local(DateTimeOffset instant) => ParisTime.ToParis(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Europe/Paris as every client needs it spelled out (the EU rule since 1996: last Sundays of March and October).</summary>
    private static readonly string[] ParisTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
}
