using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>Acknowledged deliveries as JSON messages on the queue named by <see cref="QueueSetting"/>.</summary>
public sealed class QueuedTicketingDeliveries(WorkQueues queues) : IQueuedTicketingDeliveries
{
    /// <summary>The app setting holding the queue's name; the queue trigger names it as "%Queues:TicketingDeliveries%".</summary>
    public const string QueueSetting = "Queues:TicketingDeliveries";

    public Task EnqueueAsync(TicketingDelivery delivery, CancellationToken cancellationToken) =>
        queues.SendJsonAsync(QueueSetting, delivery, cancellationToken);

    /// <summary>Reads a message written by <see cref="EnqueueAsync"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">Not such a message.</exception>
    public static TicketingDelivery Read(string message) =>
        WorkQueues.ReadJson<TicketingDelivery>(message, d => d is { InboxId.Length: > 0, Source.Length: > 0, BlobName.Length: > 0 }, "a ticketing delivery");
}
