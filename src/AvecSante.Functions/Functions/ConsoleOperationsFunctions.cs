using AvecSante.Api.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds the console's operations pages (Envois, Sources, Événements; Anonymous to the host: the app admits staff only) and delegates.</summary>
public sealed class ConsoleOperationsFunctions(ConsoleSendsHandlers sends, ConsolePoisonedWorkHandlers poisonedWork, ConsoleSourcesHandlers sources, ConsoleEventsHandlers events)
{
    [Function("ConsoleSends")]
    public Task<IResult> ConsoleSends([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/envois")] HttpRequest req, CancellationToken cancellationToken) => sends.ListAsync(req, cancellationToken);

    [Function("ConsoleRetrySend")]
    public Task<IResult> ConsoleRetrySend([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/envois/{id}/reessayer")] HttpRequest req, string id, CancellationToken cancellationToken) => sends.RetryAsync(req, id, cancellationToken);

    [Function("ConsoleRetryAllSends")]
    public Task<IResult> ConsoleRetryAllSends([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/envois/reessayer")] HttpRequest req, CancellationToken cancellationToken) => sends.RetryAllAsync(req, cancellationToken);

    [Function("ConsoleRetryPoisonedWork")]
    public Task<IResult> ConsoleRetryPoisonedWork([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/envois/traitements/{id}/relancer")] HttpRequest req, string id, CancellationToken cancellationToken) => poisonedWork.RetryAsync(req, id, cancellationToken);

    [Function("ConsoleDispatchSends")]
    public Task<IResult> ConsoleDispatchSends([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/envois/envoyer")] HttpRequest req, CancellationToken cancellationToken) => sends.DispatchAsync(req, cancellationToken);

    [Function("ConsoleSources")]
    public Task<IResult> ConsoleSources([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/sources")] HttpRequest req, CancellationToken cancellationToken) => sources.ListAsync(req, cancellationToken);

    [Function("ConsoleRunSources")]
    public Task<IResult> ConsoleRunSources([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/sources")] HttpRequest req, CancellationToken cancellationToken) => sources.RunAsync(req, cancellationToken);

    [Function("ConsoleEvents")]
    public Task<IResult> ConsoleEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/evenements")] HttpRequest req, CancellationToken cancellationToken) => events.ListAsync(req, cancellationToken);

    [Function("ConsoleCreateEvent")]
    public Task<IResult> ConsoleCreateEvent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/evenements")] HttpRequest req, CancellationToken cancellationToken) => events.CreateAsync(req, cancellationToken);

    [Function("ConsoleEvent")]
    public Task<IResult> ConsoleEvent([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/evenements/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => events.ShowAsync(req, id, cancellationToken);

    [Function("ConsoleEventRegistrationsCsv")]
    public Task<IResult> ConsoleEventRegistrationsCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/evenements/{id}/inscriptions.csv")] HttpRequest req, string id, CancellationToken cancellationToken) => events.DownloadAsync(req, id, cancellationToken);

    [Function("ConsoleImportAttendance")]
    public Task<IResult> ConsoleImportAttendance([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/evenements/{id}/presences")] HttpRequest req, string id, CancellationToken cancellationToken) => events.ImportAttendanceAsync(req, id, cancellationToken);
}
