namespace AvecSante.Core.Alerts;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth another try later (429, 5xx, time-out).</summary>
    Transient,

    /// <summary>Will never succeed as it is (400, 401, 403…): stop and show it.</summary>
    Permanent,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);
}

/// <summary>Sends one email. Adapters: SendGrid when configured, the local outbox folder otherwise.</summary>
public interface IEmailSender
{
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
