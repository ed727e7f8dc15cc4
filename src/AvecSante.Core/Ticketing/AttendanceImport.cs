using AvecSante.Core.Common;
using AvecSante.Core.Members.Import;

namespace AvecSante.Core.Ticketing;

/// <summary>An attendance file that cannot be read at all (no ticket or attendance column, no line): a 422 in French.</summary>
public sealed class AttendanceFileException(string message) : Exception(message);

/// <summary>One data line of an attendance file: the ticket named, the attendance cell as written and as understood.</summary>
public sealed record AttendanceRow(int Line, string TicketKey, string RawValue, bool? Attended, bool Readable);

/// <summary>
/// Reads the attendance sheet staff fill in: the registrations export (GET events/{id}/registrations?format=csv) with
/// its "présence" column completed. ';' separator, UTF-8 with or without BOM (Windows-1252 lines tolerated), headers
/// compared without accents or case; rows are identified by the "billet" column. Attendance: oui / x / 1 / présent →
/// present; non / 0 / absent → absent; empty → not given (the ticket is left as it is).
/// </summary>
public static class AttendanceCsv
{
    private static readonly HashSet<string> TicketHeaders = new(StringComparer.Ordinal) { "billet", "ticket", "id billet", "billet id", "numero de billet", "n billet" };

    private static readonly HashSet<string> AttendanceHeaders = new(StringComparer.Ordinal) { "presence", "present", "presents", "emargement" };

    private static readonly HashSet<string> Present = new(StringComparer.Ordinal) { "oui", "o", "x", "1", "present", "presente", "vrai", "yes", "y", "true" };

    private static readonly HashSet<string> Absent = new(StringComparer.Ordinal) { "non", "n", "0", "absent", "absente", "faux", "no", "false" };

    public static IReadOnlyList<AttendanceRow> Read(ReadOnlySpan<byte> content)
    {
        var records = CsvText.Read(content);
        if (records.Count == 0)
        {
            throw new AttendanceFileException("Le fichier est vide.");
        }
        var headers = records[0].Fields.Select(TextFolding.Fold).ToList();
        var ticketColumn = headers.FindIndex(TicketHeaders.Contains);
        var attendanceColumn = headers.FindIndex(AttendanceHeaders.Contains);
        if (ticketColumn < 0 || attendanceColumn < 0)
        {
            var missing = string.Join(" et ", new[] { ticketColumn < 0 ? "« billet »" : null, attendanceColumn < 0 ? "« présence »" : null }.Where(m => m is not null));
            throw new AttendanceFileException(
                $"Colonne {missing} introuvable en première ligne. Partez de l'export des inscriptions (format=csv, séparateur « ; ») et remplissez la colonne « présence ».");
        }
        if (records.Count == 1)
        {
            throw new AttendanceFileException("Le fichier ne contient aucune ligne de billet après les en-têtes.");
        }
        var rows = new List<AttendanceRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            var key = Cell(record, ticketColumn).TrimStart('\'');
            var raw = Cell(record, attendanceColumn);
            var (attended, readable) = Value(raw);
            rows.Add(new AttendanceRow(record.Line, key, raw, attended, readable));
        }
        return rows;
    }

    /// <summary>The attendance a cell says: (true|false, readable), (null, readable) when empty, (null, unreadable) otherwise.</summary>
    public static (bool? Attended, bool Readable) Value(string? cell)
    {
        var value = TextFolding.Fold(cell);
        if (value.Length == 0)
        {
            return (null, true);
        }
        if (Present.Contains(value))
        {
            return (true, true);
        }
        return Absent.Contains(value) ? (false, true) : (null, false);
    }

    private static string Cell(CsvRecord record, int column) =>
        column < record.Fields.Count ? record.Fields[column].Trim() : string.Empty;
}

public static class AttendanceLineStatus
{
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Rejected = "rejected";
}

/// <summary>What happened to one line of the file, said in French in <paramref name="Detail"/>.</summary>
public sealed record AttendanceLine(int Line, string Status, string Detail, string? Ticket = null, string? Attendee = null, bool? Attended = null);

public sealed record AttendanceReport(string EventId, string Archive, string Sha256, IReadOnlyList<AttendanceLine> Lines)
{
    public int Updated => Lines.Count(l => l.Status == AttendanceLineStatus.Updated);

    public int Unchanged => Lines.Count(l => l.Status == AttendanceLineStatus.Unchanged);

    public int Rejected => Lines.Count(l => l.Status == AttendanceLineStatus.Rejected);
}

/// <summary>
/// Applies an attendance file to an event's tickets: the raw file is archived first (Blob, named by content), then each
/// line sets the ticket's attendance under its ETag. Idempotent: importing the same file again reports every line
/// unchanged and writes nothing.
/// </summary>
public sealed class AttendanceImporter(IRawPayloadArchive archive, ITicketStore tickets)
{
    public const string ArchiveFolder = "attendance";

    /// <exception cref="AttendanceFileException">The file has no ticket or attendance column, or no line.</exception>
    public async Task<AttendanceReport> ImportAsync(Event value, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (blobName, sha256) = await archive.ArchiveFileAsync($"{ArchiveFolder}/{value.Id}", "csv", "text/csv; charset=utf-8", content, cancellationToken).ConfigureAwait(false);
        var rows = AttendanceCsv.Read(content.Span);
        var lines = new List<AttendanceLine>(rows.Count);
        var seen = new Dictionary<string, AttendanceRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.Add(await ApplyAsync(value, row, seen, cancellationToken).ConfigureAwait(false));
        }
        return new AttendanceReport(value.Id, blobName, sha256, lines);
    }

    private async Task<AttendanceLine> ApplyAsync(Event value, AttendanceRow row, Dictionary<string, AttendanceRow> seen, CancellationToken cancellationToken)
    {
        if (row.TicketKey.Length == 0)
        {
            return new AttendanceLine(row.Line, AttendanceLineStatus.Rejected, "Numéro de billet manquant (colonne « billet »).");
        }
        var ticket = row.TicketKey;
        if (!row.Readable)
        {
            return new AttendanceLine(row.Line, AttendanceLineStatus.Rejected,
                $"Valeur de présence illisible : « {Shorten(row.RawValue)} » (attendu : oui, non, 1, 0, x ou vide).", ticket);
        }
        if (seen.TryGetValue(ticket, out var earlier) && earlier.Attended is not null && row.Attended is not null && earlier.Attended != row.Attended)
        {
            return new AttendanceLine(row.Line, AttendanceLineStatus.Rejected,
                $"Billet déjà indiqué ligne {earlier.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)} avec une autre présence : ligne ignorée.", ticket);
        }
        if (row.Attended is not { } attended)
        {
            return new AttendanceLine(row.Line, AttendanceLineStatus.Unchanged, "Présence non renseignée : billet laissé tel quel.", ticket);
        }
        seen.TryAdd(ticket, row);
        var change = StableKeys.IsSafe(ticket) && ticket.Length <= 300
            ? await tickets.SetAttendedAsync(value.Id, ticket, attended, cancellationToken).ConfigureAwait(false)
            : null;
        if (change is null)
        {
            return new AttendanceLine(row.Line, AttendanceLineStatus.Rejected, "Billet inconnu pour cet événement.", ticket);
        }
        var who = change.Ticket.Attendee.DisplayName is { Length: > 0 } name ? name : null;
        var said = attended ? "présent" : "absent";
        return change.Updated
            ? new AttendanceLine(row.Line, AttendanceLineStatus.Updated, $"Présence enregistrée : {said}.", ticket, who, attended)
            : new AttendanceLine(row.Line, AttendanceLineStatus.Unchanged, $"Déjà enregistré : {said}.", ticket, who, attended);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
