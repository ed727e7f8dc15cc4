using System.Text.Json;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>Acknowledged deliveries as JSON messages on the queue named by <see cref="QueueSetting"/>.</summary>
public sealed class QueuedTicketingDeliveries(WorkQueues queues) : IQueuedTicketingDeliveries
{
    /// <summary>The app setting holding the queue's name; the queue trigger names it as "%Queues:TicketingDeliveries%".</summary>
    public const string QueueSetting = "Queues:TicketingDeliveries";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(TicketingDelivery delivery, CancellationToken cancellationToken)
    {
        var queue = await queues.GetQueueAsync(QueueSetting, cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(delivery, Web), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a message written by <see cref="EnqueueAsync"/>.</summary>
    /// <exception cref="JsonException">Not such a message.</exception>
    public static TicketingDelivery Read(string message)
    {
        var delivery = JsonSerializer.Deserialize<TicketingDelivery>(message, Web);
        return delivery is { InboxId.Length: > 0, Source.Length: > 0, BlobName.Length: > 0 }
            ? delivery
            : throw new JsonException("The queue message is not a ticketing delivery.");
    }
}
