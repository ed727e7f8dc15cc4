using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>Teams when no webhook is configured: each card becomes a JSON file (paste it in the Adaptive Card designer).</summary>
public sealed class LocalTeamsPoster(IOptions<EmailOptions> options) : ITeamsPoster
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
