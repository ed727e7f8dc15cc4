namespace AvecSante.Core.Alerts;

public interface IOutboxStore
{
    /// <summary>Claims the idempotency key and stores the message; false when that send was already planned.</summary>
    Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Plans many sends at once; returns those newly planned. Stores that can write in batches (Tables: 100 rows of a
    /// partition per transaction) override this; the default plans them one by one.
    /// </summary>
    async Task<IReadOnlyList<OutboxMessage>> EnqueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var planned = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            if (await TryEnqueueAsync(message, cancellationToken).ConfigureAwait(false))
            {
                planned.Add(message);
            }
        }
        return planned;
    }

    /// <summary>
    /// <see cref="TryUpdateAsync"/> for many records: returns those written (with their new version); a record someone
    /// changed meanwhile is left out. The default writes them one by one.
    /// </summary>
    async Task<IReadOnlyList<OutboxMessage>> TryUpdateManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var written = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            if (await TryUpdateAsync(message, cancellationToken).ConfigureAwait(false) is { } current)
            {
                written.Add(current);
            }
        }
        return written;
    }

    /// <summary>Pending messages due at <paramref name="now"/>, and leases that have expired (a dispatcher died).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record if nobody changed it since it was read (ETag), and returns it with its new version;
    /// null when someone did (412).
    /// </summary>
    Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken);

    /// <summary>The messages about one subject (a call…) in the months <see cref="ListAsync"/> covers, newest first.</summary>
    async Task<IReadOnlyList<OutboxMessage>> ListForSubjectAsync(string subject, CancellationToken cancellationToken) =>
        (await ListAsync(null, cancellationToken).ConfigureAwait(false)).Where(m => m.Subject == subject).ToList();

    /// <summary>Every message to one recipient, all months (GDPR right of access).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken);

    /// <summary>
    /// GDPR erasure: blanks the address, name, bodies and attachments of every message to the recipient id or to one of
    /// the addresses (compared without case: ticket emails planned before the attendee was linked to a person carry an
    /// "attendee-…" id) and stops those not sent yet; kind, subject, status and dates stay, so the counts of sends stay
    /// right. Returns how many.
    /// </summary>
    Task<int> ErasePersonalDataAsync(string recipientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);
}
