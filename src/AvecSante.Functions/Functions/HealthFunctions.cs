using AvecSante.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's health function and delegates; the parity test keeps it so.</summary>
public sealed class HealthFunctions(HealthHandler health)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, CancellationToken cancellationToken) => health.CheckAsync(req, cancellationToken);
}
