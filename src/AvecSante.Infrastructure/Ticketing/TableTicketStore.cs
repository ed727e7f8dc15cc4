using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using AvecSante.Core.Events;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Tickets: PartitionKey "{federation}~{event id}", RowKey "t~{source}~{external id}" (the HelloAsso order item id), plus
/// one "counter" row (confirmed seats, next waitlist number) for events with a capacity. Because the counter and the
/// tickets share a partition, every change of seats is one entity-group transaction with the ticket it concerns:
/// - create = Add(ticket) + Update(counter, ETag): 409 means the ticket exists (nothing counted), 412 means someone
///   else took a seat first (read again, retry);
/// - cancel = Update(ticket, ETag) + Update(counter, ETag); promote likewise.
/// So a ticket exists once, and the counter always equals the confirmed tickets.
/// </summary>
public sealed class TableTicketStore(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : ITicketStore
{
    public const string TableName = "Tickets";
    private const string CounterRow = "counter";
    private const int MaxAttempts = 200;

    private string Partition(string eventId) => $"{federation.Value.Id}~{eventId}";

    private static string Row(string ticketKey) => "t~" + ticketKey;

    public async Task<(Ticket Ticket, bool Created)> EnsureAsync(Event value, Ticket draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(draft);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(value.Id);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Optimistic: write first, read only when the ticket turns out to exist (409), the rare case.
            if (value.Capacity is not { } capacity || draft.Status == TicketStatus.Cancelled)
            {
                // No seat to count: the ticket alone, claimed by AddEntity.
                try
                {
                    await table.AddEntityAsync(ToEntity(partition, draft), cancellationToken).ConfigureAwait(false);
                    return (draft, true);
                }
                catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
                {
                    return (await ReadTicketAsync(table, partition, draft.Key, cancellationToken).ConfigureAwait(false), false);
                }
            }

            var counter = await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false);
            var confirmed = counter?.GetInt32("Confirmed") ?? 0;
            var next = counter?.GetInt64("NextSequence") ?? 1;
            var ticket = confirmed < capacity
                ? draft with { Status = TicketStatus.Confirmed }
                : draft with { Status = TicketStatus.Waitlisted, WaitlistSequence = next };
            var newCounter = new TableEntity(partition, CounterRow)
            {
                ["Confirmed"] = ticket.Status == TicketStatus.Confirmed ? confirmed + 1 : confirmed,
                ["NextSequence"] = ticket.Status == TicketStatus.Waitlisted ? next + 1 : next,
            };
            List<TableTransactionAction> actions =
            [
                counter is null
                    ? new(TableTransactionActionType.Add, newCounter)
                    : new(TableTransactionActionType.UpdateReplace, newCounter, counter.ETag),
                new(TableTransactionActionType.Add, ToEntity(partition, ticket)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return (ticket, true);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Either the ticket exists (nothing was counted: all or nothing), or the counter moved under us.
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(draft.Key), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    return (FromEntity(existing.Value!), false);
                }
                await PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
        throw new InvalidOperationException($"Ticket {draft.Key}: too much contention on event {value.Id}.");
    }

    public async Task<TicketChange> CancelAsync(Event value, string ticketKey, Ticket placeholder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(placeholder);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(value.Id);
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(ticketKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                // The refund overtook the order: a cancelled ticket now makes the late order a no-op.
                try
                {
                    await table.AddEntityAsync(ToEntity(partition, placeholder with { Status = TicketStatus.Cancelled, CancelledAt = now }), cancellationToken).ConfigureAwait(false);
                    return TicketChange.Cancelled;
                }
                catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
                {
                    continue;
                }
            }
            var entity = found.Value!;
            var ticket = FromEntity(entity);
            if (ticket.Status == TicketStatus.Cancelled)
            {
                return TicketChange.AlreadyCancelled;
            }
            var cancelled = ToEntity(partition, ticket with { Status = TicketStatus.Cancelled, CancelledAt = now, OfferPending = false });
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, cancelled, entity.ETag)];
            if (ticket.Status == TicketStatus.Confirmed && value.Capacity is not null)
            {
                var counter = await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false);
                if (counter is not null)
                {
                    var freed = new TableEntity(partition, CounterRow)
                    {
                        ["Confirmed"] = Math.Max(0, (counter.GetInt32("Confirmed") ?? 0) - 1),
                        ["NextSequence"] = counter.GetInt64("NextSequence") ?? 1,
                    };
                    actions.Add(new(TableTransactionActionType.UpdateReplace, freed, counter.ETag));
                }
            }
            if (await TrySubmitAsync(table, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                return TicketChange.Cancelled;
            }
        }
        throw new InvalidOperationException($"Ticket {ticketKey}: too much contention on event {value.Id}.");
    }

    public async Task<IReadOnlyList<Ticket>> PromoteWaitlistAsync(Event value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<Ticket>();
        if (value.Capacity is not { } capacity)
        {
            return result;
        }
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(value.Id);
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidates = await QueryAsync(table, partition, $" and (Status eq '{nameof(TicketStatus.Waitlisted)}' or OfferPending eq true)", cancellationToken).ConfigureAwait(false);
            // Promoted earlier by a run that stopped before planning the email: finish it.
            foreach (var (ticket, _) in candidates.Where(c => c.Ticket.OfferPending && c.Ticket.Status == TicketStatus.Confirmed))
            {
                if (!result.Any(r => r.Key == ticket.Key))
                {
                    result.Add(ticket);
                }
            }
            var head = candidates.Where(c => c.Ticket.Status == TicketStatus.Waitlisted).OrderBy(c => c.Ticket.WaitlistSequence).FirstOrDefault();
            if (head.Ticket is null)
            {
                return result;
            }
            var counter = await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false);
            var confirmed = counter?.GetInt32("Confirmed") ?? 0;
            if (counter is null || confirmed >= capacity)
            {
                return result;
            }
            var promoted = head.Ticket with { Status = TicketStatus.Confirmed, PromotedAt = now, OfferPending = true };
            var taken = new TableEntity(partition, CounterRow)
            {
                ["Confirmed"] = confirmed + 1,
                ["NextSequence"] = counter.GetInt64("NextSequence") ?? 1,
            };
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, taken, counter.ETag),
                new(TableTransactionActionType.UpdateReplace, ToEntity(partition, promoted), head.ETag),
            ];
            if (await TrySubmitAsync(table, actions, attempt, cancellationToken).ConfigureAwait(false))
            {
                result.Add(promoted);
            }
        }
        return result;
    }

    public async Task MarkOfferPlannedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var update = new TableEntity(Partition(ticket.EventId), Row(ticket.Key)) { ["OfferPending"] = false };
        await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Ticket>> ListAsync(string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = await QueryAsync(table, Partition(eventId), string.Empty, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Ticket).OrderBy(t => t.CreatedAt).ThenBy(t => t.WaitlistSequence).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<(Ticket Ticket, ETag ETag)>> QueryAsync(TableClient table, string partition, string extraFilter, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"t~"} and RowKey lt {"t~~"}") + extraFilter;
        var list = new List<(Ticket, ETag)>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add((FromEntity(e), e.ETag));
        }
        return list;
    }

    private static async Task<Ticket> ReadTicketAsync(TableClient table, string partition, string ticketKey, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityAsync<TableEntity>(partition, Row(ticketKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return FromEntity(found.Value);
    }

    private static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(RandomNumberGenerator.GetInt32(1, 5 + Math.Min(attempt, 20) * 5), cancellationToken);

    private static async Task<TableEntity?> ReadCounterAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return counter.HasValue ? counter.Value : null;
    }

    /// <summary>False when the transaction lost a race (409/412): the caller reads again, after a short random pause.</summary>
    private static async Task<bool> TrySubmitAsync(TableClient table, List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            // Spread the retries of concurrent writers of one event, so each round lets one of them through.
            await PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private static TableEntity ToEntity(string partition, Ticket t) => new(partition, Row(t.Key))
    {
        ["EventId"] = t.EventId,
        ["Source"] = t.Source,
        ["ExternalId"] = t.ExternalId,
        ["OrderId"] = t.OrderId,
        ["TierName"] = t.TierName,
        ["AmountCents"] = t.AmountCents,
        ["FirstName"] = t.Attendee.FirstName,
        ["LastName"] = t.Attendee.LastName,
        ["Email"] = t.Attendee.Email,
        ["PersonId"] = t.PersonId,
        ["StructureName"] = t.StructureName,
        ["Status"] = t.Status.ToString(),
        ["WaitlistSequence"] = t.WaitlistSequence,
        ["CreatedAt"] = t.CreatedAt,
        ["PromotedAt"] = t.PromotedAt,
        ["OfferPending"] = t.OfferPending,
        ["CancelledAt"] = t.CancelledAt,
        ["Attended"] = t.Attended,
    };

    private static Ticket FromEntity(TableEntity e) => new()
    {
        Key = e.RowKey[2..],
        EventId = e.GetString("EventId"),
        Source = e.GetString("Source"),
        ExternalId = e.GetString("ExternalId"),
        OrderId = e.GetString("OrderId"),
        TierName = e.GetString("TierName"),
        AmountCents = e.GetInt64("AmountCents") ?? 0,
        Attendee = new Attendee(e.GetString("FirstName"), e.GetString("LastName"), e.GetString("Email")),
        PersonId = e.GetString("PersonId"),
        StructureName = e.GetString("StructureName"),
        Status = Enum.Parse<TicketStatus>(e.GetString("Status")),
        WaitlistSequence = e.GetInt64("WaitlistSequence") ?? 0,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        PromotedAt = e.GetDateTimeOffset("PromotedAt"),
        OfferPending = e.GetBoolean("OfferPending") ?? false,
        CancelledAt = e.GetDateTimeOffset("CancelledAt"),
        Attended = e.GetBoolean("Attended"),
        Version = e.ETag.ToString(),
    };
}
