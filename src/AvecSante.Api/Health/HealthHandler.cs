using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Health;

/// <summary>GET /api/health (public): 200 when storage answers, 503 when it does not. Says nothing secret.</summary>
public sealed class HealthHandler(HealthProbeClient probe, TimeProvider clock)
{
    public async Task<IResult> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        string storage;
        try
        {
            await probe.Tables.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            storage = "reachable";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TaskCanceledException or AggregateException)
        {
            storage = "unreachable";
        }
        var body = new { status = storage == "reachable" ? "ok" : "degraded", storage, elapsedMs = (int)clock.GetElapsedTime(started).TotalMilliseconds };
        return storage == "reachable"
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>A table client that gives up fast (no retries, short time-out): health must answer quickly when storage is down.</summary>
public sealed record HealthProbeClient(TableServiceClient Tables);
