using AvecSante.Api.Calls;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's calls functions and delegates; the parity test keeps it so.</summary>
public sealed class CallsFunctions(CallsHandlers calls)
{
    [Function("SubmitCall")]
    public Task<IResult> SubmitCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls")] HttpRequest req, CancellationToken cancellationToken) => calls.SubmitAsync(req, cancellationToken);

    [Function("ListCalls")]
    public Task<IResult> ListCalls([HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls")] HttpRequest req, CancellationToken cancellationToken) => calls.ListAsync(req, cancellationToken);

    [Function("GetCall")]
    public Task<IResult> GetCall([HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => calls.GetAsync(req, id, cancellationToken);
}
