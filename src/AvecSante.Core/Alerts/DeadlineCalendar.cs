using System.Globalization;
using System.Text;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;

namespace AvecSante.Core.Alerts;

/// <summary>
/// The .ics (RFC 5545) of a call's deadline: attached to alerts and written as the local calendar. Hand-written (one
/// VEVENT in UTC needs no library); the UID is the call's, so re-importing updates the entry instead of adding one.
/// </summary>
public static class DeadlineCalendar
{
    public const string ContentType = "text/calendar";

    /// <summary>The event ends at the deadline and lasts 30 minutes, so it shows where the eye looks in a day view.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    public static CalendarEntry EntryFor(CallForProjects call, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CalendarEntry(call.Id, call.Title, call.Funder, call.Deadline ?? throw new ArgumentException("The call has no deadline.", nameof(call)),
            call.Url, cancelled, call.History.Count);
    }

    public static string Summary(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (entry.Cancelled ? "[Annulé] " : string.Empty) + $"Date limite : {entry.Title} ({entry.Funder})";
    }

    public static string Write(CalendarEntry entry, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AVECsante Bretagne//Alertes appels a projets//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:appel-{entry.CallId}@avecsante",
            $"SEQUENCE:{entry.Sequence.ToString(CultureInfo.InvariantCulture)}",
            $"DTSTAMP:{ICalendarText.Utc(stamp)}",
            $"DTSTART:{ICalendarText.Utc(entry.Deadline - Length)}",
            $"DTEND:{ICalendarText.Utc(entry.Deadline)}",
            "SUMMARY:" + ICalendarText.Escape(Summary(entry)),
            "DESCRIPTION:" + ICalendarText.Escape(entry.Cancelled ? "Cet appel a été annulé ou clos avant sa date limite." : $"Date limite de dépôt de l'appel « {entry.Title} » ({entry.Funder})."),
            "STATUS:" + (entry.Cancelled ? "CANCELLED" : "CONFIRMED"),
            "TRANSP:TRANSPARENT",
        };
        if (entry.Url is { } url)
        {
            lines.Add("URL:" + url);
        }
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            ics.Append(ICalendarText.Fold(line)).Append("\r\n");
        }
        return ics.ToString();
    }

    public static EmailAttachment Attachment(CallForProjects call, DateTimeOffset stamp) =>
        new("date-limite.ics", ContentType + "; charset=utf-8; method=PUBLISH",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Write(EntryFor(call, cancelled: false), stamp))));
}
