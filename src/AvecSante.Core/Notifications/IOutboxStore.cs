namespace AvecSante.Core.Notifications;

public interface IOutboxStore
{
    /// <summary>Claims the idempotency key and stores the message; false when that send was already planned.</summary>
    Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Pending messages due at <paramref name="now"/>, and leases that have expired (a dispatcher died).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record if nobody changed it since it was read (ETag), and returns it with its new version;
    /// null when someone did (412).
    /// </summary>
    Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken);

    /// <summary>Every message to one recipient, all months (GDPR right of access).</summary>
    Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken);

    /// <summary>
    /// GDPR erasure: blanks the address, name, bodies and attachments of every message to the recipient and stops those
    /// not sent yet; kind, subject, status and dates stay, so the counts of sends stay right. Returns how many.
    /// </summary>
    Task<int> ErasePersonalDataAsync(string recipientId, CancellationToken cancellationToken);
}
