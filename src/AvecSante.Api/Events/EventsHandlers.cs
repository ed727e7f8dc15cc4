using System.Globalization;
using System.Text;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Events;
using AvecSante.Core.Ticketing;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Events;

/// <summary>Events and their registrations (DESIGN.md §7), shared by both hosts.</summary>
public sealed class EventsHandlers(IEventRepository events, ITicketStore tickets, TimeProvider clock)
{
    /// <summary>POST /api/events: 201 when new, 200 when the same event existed, 409 when a form slug belongs to another event.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (submission, problem) = await JsonBody.ReadAsync<EventSubmission>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var validated = EventSubmissionValidator.Validate(submission!, clock.GetUtcNow());
        if (validated.Errors is not null)
        {
            return Problems.Invalid(validated.Errors);
        }
        var value = validated.Value!;
        var (created, slugTakenBy) = await events.TryAddAsync(value, cancellationToken).ConfigureAwait(false);
        if (slugTakenBy is not null)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Un formulaire de billetterie est déjà rattaché à un autre événement.",
                $"Événement qui l'utilise : {slugTakenBy}.", new Dictionary<string, string[]> { ["formSlugs"] = [$"déjà utilisé par l'événement {slugTakenBy}"] });
        }
        if (created)
        {
            return TypedResults.Created($"/api/events/{value.Id}", EventResponse.From(value));
        }
        var stored = await events.GetAsync(value.Id, cancellationToken).ConfigureAwait(false) ?? value;
        return TypedResults.Ok(EventResponse.From(stored));
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
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
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
            // UTF-8 with BOM and semicolons: what French Excel opens correctly by double-click.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RegistrationsCsv.Write(list))).ToArray();
            return TypedResults.File(bytes, "text/csv; charset=utf-8", $"inscriptions-{value.Id}.csv");
        }
        var active = list.Where(t => t.Status != TicketStatus.Cancelled).ToList();
        var summary = new
        {
            capacity = value.Capacity,
            confirmed = list.Count(t => t.Status == TicketStatus.Confirmed),
            waitlisted = list.Count(t => t.Status == TicketStatus.Waitlisted),
            cancelled = list.Count(t => t.Status == TicketStatus.Cancelled),
            attended = list.Count(t => t.Attended == true),
            revenueCents = active.Sum(t => t.AmountCents),
            linkedToPeople = active.Count(t => t.PersonId is not null),
        };
        return TypedResults.Ok(new
        {
            @event = EventResponse.From(value),
            summary,
            registrations = list.Select(RegistrationResponse.From).ToList(),
        });
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
            csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Quotes when needed, and defuses cells a spreadsheet would run as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
