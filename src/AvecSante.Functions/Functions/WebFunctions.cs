using AvecSante.Api.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's shared web routes (the pages' stylesheet) and delegates; the parity test keeps it so.</summary>
public sealed class WebFunctions(WebAssetsHandler assets)
{
    [Function("WebStylesheet")]
    public Task<IResult> WebStylesheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "web/site.css")] HttpRequest req, CancellationToken cancellationToken) => assets.StylesheetAsync(req, cancellationToken);
}
