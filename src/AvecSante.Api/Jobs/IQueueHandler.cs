using Azure.Storage.Queues.Models;

namespace AvecSante.Api.Jobs;

/// <summary>
/// Queued work: one message, as both hosts hand it over (the Functions host's QueueTrigger binds the SDK's
/// QueueMessage; the LocalHost's listener receives the same type). Throwing leaves the message to the host's retries,
/// then to its poison queue, so a handler must be safe to run again on the same message.
/// </summary>
public interface IQueueHandler
{
    Task HandleAsync(QueueMessage message, CancellationToken cancellationToken);
}
