using System.Text;
using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>Posts the Adaptive Card message to the coordinators' channel through the Workflows webhook URL.</summary>
public sealed class TeamsWebhookPoster(HttpClient http, IOptions<AlertsOptions> options, TimeProvider clock) : ITeamsPoster
{
    public async Task<DeliveryResult> PostAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = options.Value.Teams.WebhookUrl ?? throw new InvalidOperationException("Setting 'Alerts:Teams:WebhookUrl' is empty.");
        using var content = new StringContent(message.Payload ?? "{}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // The URL itself is a secret: never in the error.
        return HttpOutcomes.From((int)response.StatusCode, $"Teams {(int)response.StatusCode}: {HttpOutcomes.Truncate(body, 300)}",
            HttpOutcomes.RetryAfter(h => response.Headers.TryGetValues(h, out var v) ? v.FirstOrDefault() : null, clock.GetUtcNow()));
    }
}
