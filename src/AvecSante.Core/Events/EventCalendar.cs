using System.Globalization;
using System.Text;

namespace AvecSante.Core.Events;

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
            $"DTSTAMP:{Utc(stamp)}",
            $"DTSTART:{Utc(value.StartsAt)}",
            $"DTEND:{Utc(value.EndsAt)}",
            "SUMMARY:" + Escape(value.Title),
            "DESCRIPTION:" + Escape($"{EventKinds.Label(value.Kind)} — {organiserName}"),
        };
        if (value.Venue is { } venue)
        {
            lines.Add("LOCATION:" + Escape(venue));
        }
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            ics.Append(Fold(line)).Append("\r\n");
        }
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence.</summary>
    private static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75)
        {
            return line;
        }
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 74)
            {
                folded.Append("\r\n ");
                octets = 1;
            }
            folded.Append(rune.ToString());
            octets += size;
        }
        return folded.ToString();
    }
}
