using AvecSante.Api.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's link revocation function and delegates; the parity test keeps it so.</summary>
public sealed class LinkRevocationFunctions(LinkRevocationHandlers revocation)
{
    [Function("RevokePersonLinks")]
    public Task<IResult> RevokePersonLinks([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/people/{id}/links/revoke")] HttpRequest req, string id, CancellationToken cancellationToken) => revocation.RevokeAsync(req, id, cancellationToken);
}
