using AvecSante.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's API description function and delegates; the parity tests keep it so.</summary>
public sealed class ApiDescriptionFunctions(ApiDescriptionHandler description)
{
    [Function("GetApiDescription")]
    public Task<IResult> GetApiDescription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req, CancellationToken cancellationToken) => description.GetAsync(req, cancellationToken);
}
