using AvecSante.Api.Ticketing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's events and ticketing functions and delegates; the parity test keeps it so.</summary>
public sealed class TicketingFunctions(EventsHandlers events, TicketingHandlers ticketing)
{
    [Function("CreateEvent")]
    public Task<IResult> CreateEvent([HttpTrigger(AuthorizationLevel.Function, "post", Route = "events")] HttpRequest req, CancellationToken cancellationToken) => events.CreateAsync(req, cancellationToken);

    [Function("ListEvents")]
    public Task<IResult> ListEvents([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest req, CancellationToken cancellationToken) => events.ListAsync(req, cancellationToken);

    [Function("GetEvent")]
    public Task<IResult> GetEvent([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => events.GetAsync(req, id, cancellationToken);

    [Function("ListEventRegistrations")]
    public Task<IResult> ListEventRegistrations([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{id}/registrations")] HttpRequest req, string id, CancellationToken cancellationToken) => events.RegistrationsAsync(req, id, cancellationToken);

    [Function("ImportEventAttendance")]
    public Task<IResult> ImportEventAttendance([HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/{id}/attendance")] HttpRequest req, string id, CancellationToken cancellationToken) => events.ImportAttendanceAsync(req, id, cancellationToken);

    [Function("ReceiveHelloAssoNotification")]
    public Task<IResult> ReceiveHelloAssoNotification([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ticketing/helloasso")] HttpRequest req, CancellationToken cancellationToken) => ticketing.HelloAssoAsync(req, cancellationToken);

    [Function("ReceiveTicketingWebhook")]
    public Task<IResult> ReceiveTicketingWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ticketing/webhook")] HttpRequest req, CancellationToken cancellationToken) => ticketing.WebhookAsync(req, cancellationToken);
}
