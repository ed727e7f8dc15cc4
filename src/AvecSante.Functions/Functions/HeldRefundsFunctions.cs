using AvecSante.Api.Ticketing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's held-refund functions and delegates; the parity test keeps it so.</summary>
public sealed class HeldRefundsFunctions(HeldRefundsHandlers refunds)
{
    [Function("ListHeldRefunds")]
    public Task<IResult> ListHeldRefunds([HttpTrigger(AuthorizationLevel.Function, "get", Route = "ticketing/refunds")] HttpRequest req, CancellationToken cancellationToken) => refunds.ListAsync(req, cancellationToken);

    [Function("ApplyHeldRefund")]
    public Task<IResult> ApplyHeldRefund([HttpTrigger(AuthorizationLevel.Function, "post", Route = "ticketing/refunds/{id}/apply")] HttpRequest req, string id, CancellationToken cancellationToken) => refunds.ApplyAsync(req, id, cancellationToken);

    [Function("DismissHeldRefund")]
    public Task<IResult> DismissHeldRefund([HttpTrigger(AuthorizationLevel.Function, "post", Route = "ticketing/refunds/{id}/dismiss")] HttpRequest req, string id, CancellationToken cancellationToken) => refunds.DismissAsync(req, id, cancellationToken);
}
