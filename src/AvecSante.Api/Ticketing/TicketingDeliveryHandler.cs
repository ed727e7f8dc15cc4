using AvecSante.Api.Jobs;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Ticketing;
using Azure.Storage.Queues.Models;

namespace AvecSante.Api.Ticketing;

/// <summary>Queue ProcessTicketingDelivery: processes a delivery the webhook routes acknowledged (claim, tickets, seats, emails).</summary>
public sealed class TicketingDeliveryHandler(TicketingInboxProcessor processor) : IQueueHandler
{
    public Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = QueuedTicketingDeliveries.Read(message.MessageText);
        return processor.ProcessQueuedAsync(delivery, isRetry: message.DequeueCount > 1, cancellationToken);
    }
}
