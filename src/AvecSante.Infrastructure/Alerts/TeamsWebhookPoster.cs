using System.Text;
using AvecSante.Core.Notifications;
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

/// <summary>Teams when no webhook is configured: each card becomes a JSON file (paste it in the Adaptive Card designer).</summary>
public sealed class LocalTeamsPoster(IOptions<Options.EmailOptions> options) : ITeamsPoster
{
    public string Folder => Path.GetFullPath(Path.Combine(options.Value.LocalOutboxPath, "teams"));

    public async Task<DeliveryResult> PostAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{message.Subject ?? message.Id[..12]}.json");
        await File.WriteAllTextAsync(path, message.Payload ?? "{}", cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }
}

/// <summary>The shared calendar when Graph is not configured: one .ics per call, rewritten when the deadline moves or the call is cancelled.</summary>
public sealed class LocalCalendarPublisher(IOptions<Options.EmailOptions> options, TimeProvider clock) : ICalendarPublisher
{
    public string Folder => Path.GetFullPath(Path.Combine(options.Value.LocalOutboxPath, "calendar"));

    public async Task<DeliveryResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = System.Text.Json.JsonSerializer.Deserialize<CalendarEntry>(message.Payload ?? "null")
            ?? throw new InvalidOperationException("Calendar message without its entry.");
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, $"appel-{entry.CallId}.ics"), DeadlineCalendar.Write(entry, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }
}
