using AvecSante.Core.Alerts;
using Microsoft.Kiota.Abstractions;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>Reads Graph SDK failures the way the outbox needs: transient (429, 5xx) with the server's delay, or permanent.</summary>
internal static class GraphFailures
{
    public static DeliveryResult Read(ApiException ex, TimeProvider clock) =>
        HttpOutcomes.From(ex.ResponseStatusCode, $"Graph {ex.ResponseStatusCode}: {HttpOutcomes.Truncate((ex as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Message ?? ex.Message, 300)}",
            HttpOutcomes.RetryAfter(h => ex.ResponseHeaders.FirstOrDefault(p => string.Equals(p.Key, h, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(), clock.GetUtcNow()));
}
