using AvecSante.Api.Calls;
using AvecSante.Api.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's call corrections, cancellations and reinstatements (API and console) and delegates; the parity test keeps it so.</summary>
public sealed class CallChangesFunctions(CallChangesHandlers api, ConsoleCallChangesHandlers console)
{
    [Function("CorrectCall")]
    public Task<IResult> CorrectCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/{id}/correction")] HttpRequest req, string id, CancellationToken cancellationToken) => api.CorrectAsync(req, id, cancellationToken);

    [Function("CancelCall")]
    public Task<IResult> CancelCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/{id}/cancellation")] HttpRequest req, string id, CancellationToken cancellationToken) => api.CancelAsync(req, id, cancellationToken);

    [Function("ReinstateCall")]
    public Task<IResult> ReinstateCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/{id}/reinstatement")] HttpRequest req, string id, CancellationToken cancellationToken) => api.ReinstateAsync(req, id, cancellationToken);

    [Function("ConsoleCorrectCall")]
    public Task<IResult> ConsoleCorrectCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/appels/{id}/correction")] HttpRequest req, string id, CancellationToken cancellationToken) => console.CorrectAsync(req, id, cancellationToken);

    [Function("ConsoleCancelCall")]
    public Task<IResult> ConsoleCancelCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/appels/{id}/annulation")] HttpRequest req, string id, CancellationToken cancellationToken) => console.CancelAsync(req, id, cancellationToken);

    [Function("ConsoleReinstateCall")]
    public Task<IResult> ConsoleReinstateCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/appels/{id}/retablissement")] HttpRequest req, string id, CancellationToken cancellationToken) => console.ReinstateAsync(req, id, cancellationToken);
}
