using AvecSante.Api.Jobs;
using AvecSante.Api.Ticketing;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>
/// Binds FunctionCatalog's queue functions (the queue's name from its app setting, the identity-based connection
/// "WorkQueues"; retries, visibility timeout and the poison queue are the host's, host.json "extensions.queues") and
/// the routes that show queued work and its poison queues.
/// </summary>
public sealed class QueueFunctions(TicketingDeliveryHandler ticketingDeliveries, TicketingDeliveriesHandlers deliveries, PoisonQueueHandlers poison)
{
    [Function("ProcessTicketingDelivery")]
    public Task ProcessTicketingDelivery([QueueTrigger("%Queues:TicketingDeliveries%", Connection = "WorkQueues")] QueueMessage message, CancellationToken cancellationToken) => ticketingDeliveries.HandleAsync(message, cancellationToken);

    [Function("GetTicketingDelivery")]
    public Task<IResult> GetTicketingDelivery([HttpTrigger(AuthorizationLevel.Function, "get", Route = "ticketing/deliveries/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => deliveries.GetAsync(req, id, cancellationToken);

    [Function("ListPoisonedMessages")]
    public Task<IResult> ListPoisonedMessages([HttpTrigger(AuthorizationLevel.Function, "get", Route = "queues/poison")] HttpRequest req, CancellationToken cancellationToken) => poison.ListAsync(req, cancellationToken);

    [Function("RetryPoisonedMessage")]
    public Task<IResult> RetryPoisonedMessage([HttpTrigger(AuthorizationLevel.Function, "post", Route = "queues/poison/{id}/retry")] HttpRequest req, string id, CancellationToken cancellationToken) => poison.RetryAsync(req, id, cancellationToken);
}
