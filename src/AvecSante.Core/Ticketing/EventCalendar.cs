using System.Text;
using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>
/// Writes the .ics (RFC 5545) of an event for the confirmation email. Hand-written on purpose: one VEVENT in UTC needs
/// no library, and UTC times avoid shipping a VTIMEZONE block.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar";

    public static string FileName(Event value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Id + ".ics";
    }

    /// <param name="uidSuffix">Makes the calendar entry's UID stable per ticket, so re-importing updates instead of duplicating.</param>
    public static string Write(Event value, string uidSuffix, string organiserName, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AVECsante Bretagne//Billetterie//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{value.Id}-{uidSuffix}@avecsante",
            $"DTSTAMP:{ICalendarText.Utc(stamp)}",
            $"DTSTART:{ICalendarText.Utc(value.StartsAt)}",
            $"DTEND:{ICalendarText.Utc(value.EndsAt)}",
            "SUMMARY:" + ICalendarText.Escape(value.Title),
            "DESCRIPTION:" + ICalendarText.Escape($"{EventKinds.Label(value.Kind)} — {organiserName}"),
        };
        if (value.Venue is { } venue)
        {
            lines.Add("LOCATION:" + ICalendarText.Escape(venue));
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
}
