namespace AvecSante.Core.Ticketing;

/// <summary>
/// A delivery acknowledged and waiting to be processed: what the queue message carries. Ids and names only (the raw
/// body stays in its blob), so a message shown to staff or kept in the poison queue holds no personal data.
/// </summary>
public sealed record TicketingDelivery(string InboxId, string Source, string BlobName, string Sha256, DateTimeOffset ReceivedAt);

/// <summary>The queue of acknowledged deliveries (one storage call per delivery).</summary>
public interface IQueuedTicketingDeliveries
{
    Task EnqueueAsync(TicketingDelivery delivery, CancellationToken cancellationToken);
}
