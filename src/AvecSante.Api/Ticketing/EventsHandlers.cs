using System.Globalization;
using System.Text;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Ticketing;

/// <summary>Events and their registrations, shared by both hosts.</summary>
public sealed class EventsHandlers(IEventRepository events, ITicketStore tickets, AttendanceImporter attendance, EventCreation creation)
{
    /// <summary>An attendance sheet is a few hundred lines: 5 MB is far beyond any real one.</summary>
    public const int AttendanceMaxBytes = 5 * 1024 * 1024;

    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain", "application/octet-stream", "application/vnd.ms-excel"];

    /// <summary>POST /api/events: 201 when new, 200 when the same event existed, 409 when a form slug belongs to another event.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (submission, problem) = await JsonBody.ReadAsync<EventSubmission>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var result = await creation.CreateAsync(submission!, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (result.Errors is not null)
        {
            return Problems.Invalid(result.Errors);
        }
        if (result.SlugTakenBy is { } slugTakenBy)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Un formulaire de billetterie est déjà rattaché à un autre événement.",
                $"Événement qui l'utilise : {slugTakenBy}.", new Dictionary<string, string[]> { ["formSlugs"] = [$"déjà utilisé par l'événement {slugTakenBy}"] });
        }
        var value = result.Event!;
        return result.Created ? TypedResults.Created($"/api/events/{value.Id}", EventResponse.From(value)) : TypedResults.Ok(EventResponse.From(value));
    }

    /// <summary>GET /api/events: every event, soonest first.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await events.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(EventResponse.From).ToList());
    }

    /// <summary>GET /api/events/{id}.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var value = StableKeys.IsSafe(id) ? await events.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return value is null ? Problems.NotFound("Événement") : TypedResults.Ok(EventResponse.From(value));
    }

    /// <summary>GET /api/events/{id}/registrations?format=json|csv: tickets with status, amount and attendance, and totals.</summary>
    public async Task<IResult> RegistrationsAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = QueryValues.Text(request.Query, "format")?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or "csv"))
        {
            return Problems.BadQuery("format", "valeurs possibles : json, csv.");
        }
        var value = StableKeys.IsSafe(id) ? await events.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (value is null)
        {
            return Problems.NotFound("Événement");
        }
        var list = await tickets.ListAsync(value.Id, cancellationToken).ConfigureAwait(false);
        if (format == "csv")
        {
            return RegistrationsCsv.File(value, list);
        }
        var summary = RegistrationTotals.Of(value, list);
        return TypedResults.Ok(new
        {
            @event = EventResponse.From(value),
            summary,
            registrations = list.Select(RegistrationResponse.From).ToList(),
        });
    }

    /// <summary>
    /// POST /api/events/{id}/attendance: the registrations CSV with its "présence" column filled in (raw body as text/csv,
    /// or the first file of a multipart form). The file is archived, then each line sets its ticket's attendance; the
    /// answer is the line-by-line report. Importing the same file again changes nothing.
    /// </summary>
    public async Task<IResult> ImportAttendanceAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = StableKeys.IsSafe(id) ? await events.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (value is null)
        {
            return Problems.NotFound("Événement");
        }
        if (request.ContentLength > AttendanceMaxBytes)
        {
            return AttendanceTooLarge();
        }
        var (content, unreadable) = await ReadAttendanceFileAsync(request, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return unreadable!;
        }
        if (content.Length == 0 || content.AsSpan().SequenceEqual(Encoding.UTF8.GetPreamble()))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Le fichier est vide.", "Envoyez l'export des inscriptions avec la colonne « présence » remplie.");
        }
        AttendanceReport report;
        try
        {
            report = await attendance.ImportAsync(value, content, cancellationToken).ConfigureAwait(false);
        }
        catch (AttendanceFileException ex)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Le fichier des présences ne peut pas être importé.", ex.Message);
        }
        return TypedResults.Ok(new
        {
            eventId = report.EventId,
            archive = report.Archive,
            sha256 = report.Sha256,
            summary = new { lines = report.Lines.Count, updated = report.Updated, unchanged = report.Unchanged, rejected = report.Rejected },
            lines = report.Lines,
        });
    }

    /// <summary>The CSV as the raw body or the first file of a form, at most <see cref="AttendanceMaxBytes"/>; else the problem.</summary>
    private static async Task<(byte[]? Content, IResult? Problem)> ReadAttendanceFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        byte[]? content;
        if (request.HasFormContentType)
        {
            var (form, problem) = await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (form is null)
            {
                return (null, problem!);
            }
            if (form.Files.Count == 0)
            {
                return (null, Problems.Of(StatusCodes.Status400BadRequest, "Aucun fichier dans le formulaire.", "Joignez le fichier CSV des présences."));
            }
            if (form.Files[0].Length > AttendanceMaxBytes)
            {
                return (null, AttendanceTooLarge());
            }
            await using var stream = form.Files[0].OpenReadStream();
            content = await ReadLimitedAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        else if (request.ContentType is { } type && CsvTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            content = await ReadLimitedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                "Le fichier doit être envoyé en CSV (Content-Type: text/csv) ou dans un formulaire (multipart/form-data)."));
        }
        return content is null ? (null, AttendanceTooLarge()) : (content, null);
    }

    private static IResult AttendanceTooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le fichier des présences est trop volumineux.", $"Taille maximale : {AttendanceMaxBytes / (1024 * 1024)} Mo.");

    /// <summary>The whole stream, or null when it exceeds <see cref="AttendanceMaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > AttendanceMaxBytes)
            {
                return null;
            }
            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        return buffer.ToArray();
    }
}

public sealed record EventResponse(
    string Id,
    string Title,
    string Kind,
    string KindLabel,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string StartParis,
    string EndParis,
    string? Venue,
    int? Capacity,
    IReadOnlyList<string> FormSlugs,
    IReadOnlyList<EventPrice> Prices)
{
    public static EventResponse From(Event value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value.Id, value.Title, value.Kind, EventKinds.Label(value.Kind), value.StartsAt, value.EndsAt,
            Paris(value.StartsAt), Paris(value.EndsAt), value.Venue, value.Capacity, value.FormSlugs, value.Prices);
    }

    private static string Paris(DateTimeOffset instant) =>
        ParisTime.ToParis(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

public sealed record RegistrationResponse(
    string TicketKey,
    string Source,
    string? OrderId,
    string Status,
    long? WaitlistPosition,
    string? FirstName,
    string? LastName,
    string? Email,
    string? PersonId,
    string? StructureName,
    string? TierName,
    long AmountCents,
    bool? Attended,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt)
{
    public static RegistrationResponse From(Ticket t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Key, t.Source, t.OrderId, t.Status.ToString().ToLowerInvariant(),
            t.Status == TicketStatus.Waitlisted ? t.WaitlistSequence : null,
            t.Attendee.FirstName, t.Attendee.LastName, t.Attendee.Email, t.PersonId, t.StructureName, t.TierName,
            t.AmountCents, t.Attended, t.CreatedAt, t.CancelledAt);
    }
}

/// <summary>The registrations as a spreadsheet staff open in Excel (semicolons, French headers, euros with a comma).</summary>
public static class RegistrationsCsv
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The download: UTF-8 with BOM and semicolons, what French Excel opens correctly by double-click.</summary>
    public static IResult File(Event value, IEnumerable<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(tickets))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"inscriptions-{value.Id}.csv");
    }

    public static string Write(IEnumerable<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var csv = new StringBuilder();
        csv.Append("billet;statut;nom;prénom;email;structure;tarif;montant (€);présence;commande;source\r\n");
        foreach (var t in tickets)
        {
            var status = t.Status switch
            {
                TicketStatus.Confirmed => "confirmé",
                TicketStatus.Waitlisted => "liste d'attente",
                _ => "annulé",
            };
            var attended = t.Attended switch
            {
                true => "présent",
                false => "absent",
                null => string.Empty,
            };
            string[] cells =
            [
                t.Key, status, t.Attendee.LastName ?? string.Empty, t.Attendee.FirstName ?? string.Empty, t.Attendee.Email ?? string.Empty,
                t.StructureName ?? string.Empty, t.TierName ?? string.Empty, (t.AmountCents / 100m).ToString("0.00", French), attended,
                t.OrderId ?? string.Empty, t.Source,
            ];
            csv.Append(CsvText.Line(cells)).Append("\r\n");
        }
        return csv.ToString();
    }
}
