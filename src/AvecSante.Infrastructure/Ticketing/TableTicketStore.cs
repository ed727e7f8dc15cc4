using System.Collections.Concurrent;
using System.Security.Cryptography;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Tickets: PartitionKey "{federation}~{event id}", RowKey "t~{source}~{external id}" (the HelloAsso order item id), plus
/// one "counter" row (confirmed seats, next waitlist number) for events with a capacity. Because the counter and the
/// tickets share a partition, every change of seats is one entity-group transaction with the ticket it concerns:
/// - create = Add(ticket) + Update(counter, ETag): 409 means the ticket exists (nothing counted), 412 means someone
///   else took a seat first (read again, retry);
/// - cancel = Update(ticket, ETag) + Update(counter, ETag); promote likewise.
/// So a ticket exists once, and the counter always equals the confirmed tickets. Within one process, seat changes of
/// an event also queue behind a gate, so concurrent deliveries wait their turn instead of colliding on the ETag
/// (the ETag still guards between processes).
/// </summary>
public sealed class TableTicketStore(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : ITicketStore
{
    public const string TableName = "Tickets";
    private const string CounterRow = "counter";
    private const int MaxAttempts = 200;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>
    /// The last counter this process wrote, with its ETag, per event: read and written only under the event's gate, so
    /// a burst costs one round trip per ticket. Another process writing meanwhile makes our write fail (412): re-read.
    /// </summary>
    private readonly ConcurrentDictionary<string, SeatCounter> _counters = new(StringComparer.Ordinal);

    private string Partition(string eventId) => $"{federation.Value.Id}~{eventId}";

    private SemaphoreSlim Gate(string partition) => _gates.GetOrAdd(partition, _ => new SemaphoreSlim(1, 1));

    private static string Row(string ticketKey) => "t~" + ticketKey;

    public async Task<(Ticket Ticket, bool Created)> EnsureAsync(Event value, Ticket draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(draft);
        if (value.Capacity is null || draft.Status == TicketStatus.Cancelled)
        {
            return await EnsureCoreAsync(value, draft, cancellationToken).ConfigureAwait(false);
        }
        var gate = Gate(Partition(value.Id));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EnsureCoreAsync(value, draft, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(Ticket Ticket, bool Created)> EnsureCoreAsync(Event value, Ticket draft, CancellationToken cancellationToken)
    {
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

            var seats = _counters.TryGetValue(partition, out var known)
                ? known
                : await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false) ?? new SeatCounter(SeatLedger.Empty, null);
            var (ticket, admitted) = seats.Seats.Admit(draft, capacity);
            var updated = seats with { Seats = admitted };
            List<TableTransactionAction> actions =
            [
                updated.Write(partition),
                new(TableTransactionActionType.Add, ToEntity(partition, ticket)),
            ];
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                if (response.Value.Count > 0 && response.Value[0].Headers.ETag is { } etag)
                {
                    _counters[partition] = updated with { ETag = etag };
                }
                else
                {
                    _counters.TryRemove(partition, out _);
                }
                return (ticket, true);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                _counters.TryRemove(partition, out _);
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

    public async Task<TicketChange> CancelAsync(Event value, string ticketKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var gate = Gate(Partition(value.Id));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CancelCoreAsync(value, ticketKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TicketChange> CancelCoreAsync(Event value, string ticketKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(value.Id);
        _counters.TryRemove(partition, out _); // this path changes the counter: the next creation reads it again
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(ticketKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return TicketChange.Unknown;
            }
            var entity = found.Value!;
            var ticket = FromEntity(entity);
            if (ticket.Status == TicketStatus.Cancelled)
            {
                return TicketChange.AlreadyCancelled;
            }
            var cancelled = ToEntity(partition, ticket with { Status = TicketStatus.Cancelled, CancelledAt = now, OfferPending = false });
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, cancelled, entity.ETag)];
            if (value.Capacity is not null && await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false) is { } seats)
            {
                actions.Add((seats with { Seats = seats.Seats.Release(ticket) }).Write(partition));
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
        var gate = Gate(Partition(value.Id));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PromoteCoreAsync(value, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<Ticket>> PromoteCoreAsync(Event value, CancellationToken cancellationToken)
    {
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
            _counters.TryRemove(partition, out _);
            // The counter says whether there is anything to do: no partition scan on the common path.
            var seats = await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false);
            if (seats is null || !seats.Seats.HasPromotionWork(capacity))
            {
                return result;
            }
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
            if (!seats.Seats.HasFreeSeat(capacity))
            {
                return result;
            }
            var (promoted, promotedSeats) = seats.Seats.Promote(head.Ticket, now);
            var taken = seats with { Seats = promotedSeats };
            List<TableTransactionAction> actions =
            [
                taken.Write(partition),
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
        var partition = Partition(ticket.EventId);
        var gate = Gate(partition);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _counters.TryRemove(partition, out _);
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(ticket.Key), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!found.HasValue || found.Value!.GetBoolean("OfferPending") != true)
                {
                    return;
                }
                var update = new TableEntity(partition, Row(ticket.Key)) { ["OfferPending"] = false };
                List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateMerge, update, found.Value.ETag)];
                if (await ReadCounterAsync(table, partition, cancellationToken).ConfigureAwait(false) is { } seats)
                {
                    actions.Add((seats with { Seats = seats.Seats.OfferPlanned() }).Write(partition));
                }
                if (await TrySubmitAsync(table, actions, attempt, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyList<Ticket>> ListAsync(string eventId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = await QueryAsync(table, Partition(eventId), string.Empty, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Ticket).OrderBy(t => t.CreatedAt).ThenBy(t => t.WaitlistSequence).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<AttendanceChange?> SetAttendedAsync(string eventId, string ticketKey, bool attended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketKey);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(eventId);
        for (var attempt = 0; ; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(ticketKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return null;
            }
            var ticket = FromEntity(found.Value!);
            if (ticket.Attended == attended)
            {
                return new AttendanceChange(ticket, false);
            }
            // A merge of this one column under the ETag: a seat change in between (412) makes us read again.
            var update = new TableEntity(partition, Row(ticketKey)) { ["Attended"] = attended };
            try
            {
                var response = await table.UpdateEntityAsync(update, found.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return new AttendanceChange(ticket with { Attended = attended, Version = response.Headers.ETag?.ToString() }, true);
            }
            catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) && attempt < MaxAttempts)
            {
                await PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<Ticket>> ListForPersonAsync(string eventId, string personId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = await QueryForPersonAsync(table, Partition(eventId), personId, emails, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Ticket).OrderBy(t => t.CreatedAt).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<int> EraseAttendeeAsync(string eventId, string personId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = Partition(eventId);
        var erased = 0;
        foreach (var (found, _) in await QueryForPersonAsync(table, partition, personId, emails, cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 0; ; attempt++)
            {
                // Read again on every attempt: a seat change may have replaced the row since the query.
                var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(found.Key), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!current.HasValue)
                {
                    break;
                }
                var ticket = FromEntity(current.Value!);
                if (ticket.Attendee is { FirstName: null, LastName: null, Email: null })
                {
                    break;
                }
                // Replace, not merge: a merge ignores null properties. Everything but the attendee is written back as read.
                var blank = ToEntity(partition, ticket with { Attendee = new Attendee(null, null, null) });
                try
                {
                    await table.UpdateEntityAsync(blank, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    erased++;
                    break;
                }
                catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) && attempt < MaxAttempts)
                {
                    await PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        return erased;
    }

    /// <summary>
    /// The person's tickets of one partition: the filter asks for the person id or the emails as given and lowercased
    /// (table filters compare exactly); the emails are compared again here without case.
    /// </summary>
    private static async Task<List<(Ticket Ticket, ETag ETag)>> QueryForPersonAsync(TableClient table, string partition, string personId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personId);
        ArgumentNullException.ThrowIfNull(emails);
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        var variants = wanted.Concat(wanted.Select(e => e.ToLowerInvariant())).Distinct(StringComparer.Ordinal);
        var who = string.Join(" or ", new[] { TableClient.CreateQueryFilter($"PersonId eq {personId}") }
            .Concat(variants.Select(e => TableClient.CreateQueryFilter($"Email eq {e}"))));
        var rows = await QueryAsync(table, partition, $" and ({who})", cancellationToken).ConfigureAwait(false);
        return rows.Where(r => r.Ticket.PersonId == personId
            || (r.Ticket.Attendee.Email is { } email && wanted.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase))).ToList();
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

    private static async Task<SeatCounter?> ReadCounterAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }
        var e = found.Value!;
        return new SeatCounter(new SeatLedger(e.GetInt32("Confirmed") ?? 0, e.GetInt32("Waitlisted") ?? 0, e.GetInt64("NextSequence") ?? 1, e.GetInt32("OffersPending") ?? 0), e.ETag);
    }

    /// <summary>An event's seat ledger as stored: one row beside its tickets, with the ETag it was read with.</summary>
    private sealed record SeatCounter(SeatLedger Seats, ETag? ETag)
    {
        /// <summary>Added when new, replaced under the ETag it was read with otherwise (412 = someone changed it).</summary>
        public TableTransactionAction Write(string partition)
        {
            var entity = new TableEntity(partition, CounterRow)
            {
                ["Confirmed"] = Seats.Confirmed,
                ["Waitlisted"] = Seats.Waitlisted,
                ["NextSequence"] = Seats.NextSequence,
                ["OffersPending"] = Seats.OffersPending,
            };
            return ETag is { } etag
                ? new(TableTransactionActionType.UpdateReplace, entity, etag)
                : new(TableTransactionActionType.Add, entity);
        }
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
