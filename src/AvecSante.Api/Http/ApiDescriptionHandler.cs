using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>
/// GET /api/openapi.json (public): the API described from FunctionCatalog, OpenAPI 3.0 by default, Swagger 2.0 with
/// ?format=swagger2 (a Power Automate custom connector imports only that). Public because it holds no data and names
/// only routes the README lists; every keyed route it describes still needs its key.
/// </summary>
public sealed class ApiDescriptionHandler
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // The catalogue is fixed for the life of the process: one text per API root and format.
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString();
        if (format is not ("" or "openapi3" or "swagger2"))
        {
            return Task.FromResult(Problems.BadQuery("format", "openapi3 (par défaut) ou swagger2."));
        }
        // The API root as the caller reached it, so the description works behind any host name.
        var apiRoot = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/api");
        var text = _documents.GetOrAdd($"{format} {apiRoot}", _ =>
            (format == "swagger2" ? ApiDescription.Swagger2(apiRoot) : ApiDescription.OpenApi3(apiRoot)).ToJsonString(Indented));
        return Task.FromResult(Results.Text(text, "application/json", System.Text.Encoding.UTF8));
    }
}
