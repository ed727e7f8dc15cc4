using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Ticketing;

/// <summary>Who signs the ticketing emails (the federation's name).</summary>
public sealed record TicketingSender(string OrganiserName);

/// <summary>
/// Applies a ticketing command: routes it to its event, creates or cancels each ticket exactly once, gives freed seats
/// to the waitlist, and plans the emails in the outbox. Every step converges: running a command again (a duplicate
/// delivery, the sweeper after a crash) finds what was done and only completes what was not.
/// </summary>
public sealed partial class TicketingService(
    IEventRepository events,
    ITicketStore tickets,
    IOutboxStore outbox,
    IAttendeeMatcher matcher,
    TicketingSender sender,
    TimeProvider clock,
    ILogger<TicketingService> logger)
{
    public async Task<TicketingOutcome> ExecuteAsync(TicketingCommand command, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Action == TicketingAction.Ignore)
        {
            LogIgnored(deliveryId, command.NotificationType, command.FormSlug, command.IgnoredReason);
            return new TicketingOutcome(TicketingOutcome.Ignored, command.IgnoredReason);
        }
        var value = await FindEventAsync(command, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            // One notification URL receives every form of the organisation: a form of no event is not an error.
            LogUnknownForm(deliveryId, command.NotificationType, command.FormSlug, command.EventId);
            return new TicketingOutcome(TicketingOutcome.Ignored, "formulaire ou événement inconnu");
        }

        int created = 0, duplicates = 0, waitlisted = 0, cancelled = 0, emails = 0;
        var now = clock.GetUtcNow();
        foreach (var line in command.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var draft = await DraftAsync(value, line, now, cancellationToken).ConfigureAwait(false);
            if (command.Action == TicketingAction.Cancel || line.Cancelled)
            {
                var change = await tickets.CancelAsync(value, draft.Key, cancellationToken).ConfigureAwait(false);
                if (change == TicketChange.Cancelled)
                {
                    cancelled++;
                }
                continue;
            }
            var (ticket, isNew) = await tickets.EnsureAsync(value, draft, cancellationToken).ConfigureAwait(false);
            if (isNew)
            {
                created++;
                waitlisted += ticket.Status == TicketStatus.Waitlisted ? 1 : 0;
            }
            else
            {
                duplicates++;
            }
            // Planned on every run, not only the first: the outbox claim makes the second one a no-op, and a run that
            // stopped between the ticket and its email is completed here.
            emails += await PlanAsync(value, ticket, cancellationToken).ConfigureAwait(false);
        }

        var (promoted, offers) = await PromoteWaitlistAsync(value, cancellationToken).ConfigureAwait(false);
        emails += offers;
        LogProcessed(deliveryId, value.Id, created, duplicates, cancelled, promoted);
        return new TicketingOutcome(TicketingOutcome.Processed, null, value.Id, created, duplicates, waitlisted, cancelled, promoted, emails);
    }

    /// <summary>The event a command names directly, else the one that declares its form.</summary>
    private async Task<Event?> FindEventAsync(TicketingCommand command, CancellationToken cancellationToken) =>
        command.EventId is { } id
            ? StableKeys.IsSafe(id) ? await events.GetAsync(id, cancellationToken).ConfigureAwait(false) : null
            : command.FormSlug is { } slug ? await events.FindByFormSlugAsync(slug, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Freed seats go to the waitlist, each promoted ticket with its seat offer planned: how many, and the emails.</summary>
    private async Task<(int Promoted, int Emails)> PromoteWaitlistAsync(Event value, CancellationToken cancellationToken)
    {
        int promoted = 0, emails = 0;
        if (value.Capacity is null)
        {
            return (promoted, emails);
        }
        foreach (var ticket in await tickets.PromoteWaitlistAsync(value, cancellationToken).ConfigureAwait(false))
        {
            emails += await PlanSeatOfferAsync(value, ticket, cancellationToken).ConfigureAwait(false);
            await tickets.MarkOfferPlannedAsync(ticket, cancellationToken).ConfigureAwait(false);
            promoted++;
        }
        return (promoted, emails);
    }

    private async Task<Ticket> DraftAsync(Event value, TicketLine line, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Email first; then name and structure (one person of that name, or the namesake of the named structure).
        var person = line.Attendee.Email is { } email
            ? await matcher.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false)
            : null;
        if (person is null && !line.Cancelled && line.Attendee.FirstName is not null && line.Attendee.LastName is not null)
        {
            person = await matcher.FindByNameAsync(line.Attendee.FirstName, line.Attendee.LastName, line.StructureHints ?? [], cancellationToken).ConfigureAwait(false);
        }
        return new Ticket
        {
            Key = Ticket.KeyFor(line.Source, line.ExternalId),
            EventId = value.Id,
            Source = line.Source,
            ExternalId = line.ExternalId,
            OrderId = line.OrderId,
            TierName = line.TierName,
            AmountCents = line.AmountCents,
            Attendee = line.Attendee,
            PersonId = person?.Id,
            StructureName = person?.StructureName,
            Status = line.Cancelled ? TicketStatus.Cancelled : TicketStatus.Confirmed,
            CreatedAt = now,
            CancelledAt = line.Cancelled ? now : null,
        };
    }

    private async Task<int> PlanAsync(Event value, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Attendee.Email is null)
        {
            LogNoAddress(ticket.EventId, ticket.Key);
            return 0;
        }
        var now = clock.GetUtcNow();
        return ticket.Status switch
        {
            TicketStatus.Confirmed when ticket.PromotedAt is null =>
                await EnqueueAsync(ticket, TicketEmailComposer.ConfirmationKind, TicketEmailComposer.Confirmation(value, ticket, sender.OrganiserName, now), cancellationToken).ConfigureAwait(false),
            TicketStatus.Waitlisted =>
                await EnqueueAsync(ticket, TicketEmailComposer.WaitlistedKind, TicketEmailComposer.Waitlisted(value, ticket, sender.OrganiserName), cancellationToken).ConfigureAwait(false),
            _ => 0,
        };
    }

    private async Task<int> PlanSeatOfferAsync(Event value, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Attendee.Email is null)
        {
            LogNoAddress(ticket.EventId, ticket.Key);
            return 0;
        }
        var email = TicketEmailComposer.SeatOffer(value, ticket, sender.OrganiserName, clock.GetUtcNow());
        return await EnqueueAsync(ticket, TicketEmailComposer.SeatOfferKind, email, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> EnqueueAsync(Ticket ticket, string kind, EmailContent email, CancellationToken cancellationToken)
    {
        var key = $"{ticket.EventId}|{ticket.Key}|{kind}";
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = OutboxMessage.IdFor(key),
            IdempotencyKey = key,
            Kind = kind,
            RecipientId = ticket.PersonId ?? "attendee-" + StableKeys.Digest(ticket.EventId + "|" + ticket.Key, 16),
            Subject = ticket.EventId,
            Email = email,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        return await outbox.TryEnqueueAsync(message, cancellationToken).ConfigureAwait(false) ? 1 : 0;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Ticketing delivery {DeliveryId} ({Type}, form {FormSlug}) ignored: {Reason}")]
    private partial void LogIgnored(string deliveryId, string type, string? formSlug, string? reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Ticketing delivery {DeliveryId} ({Type}) ignored: form {FormSlug} / event {EventId} belongs to no event")]
    private partial void LogUnknownForm(string deliveryId, string type, string? formSlug, string? eventId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Ticketing delivery {DeliveryId} processed for event {EventId}: {Created} created, {Duplicates} already known, {Cancelled} cancelled, {Promoted} promoted")]
    private partial void LogProcessed(string deliveryId, string eventId, int created, int duplicates, int cancelled, int promoted);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Ticket {TicketKey} of event {EventId} has no usable email address: no email planned")]
    private partial void LogNoAddress(string eventId, string ticketKey);
}
