using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>The shared calendar when Graph is not configured: one .ics per call, rewritten when the deadline moves or the call is cancelled.</summary>
public sealed class LocalCalendarPublisher(IOptions<EmailOptions> options, TimeProvider clock) : ICalendarPublisher
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
