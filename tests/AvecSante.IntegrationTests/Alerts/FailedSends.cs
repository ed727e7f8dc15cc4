using AvecSante.Core.Alerts;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>A ticket confirmation that used up its attempts, as the dispatcher leaves it: what the retry tests start from.</summary>
public static class FailedSends
{
    /// <param name="age">How long before <paramref name="now"/> it was planned; its last attempt was an hour ago.</param>
    public static OutboxMessage TicketConfirmation(string key, string recipientId, string address, string name, DateTimeOffset now, TimeSpan age) => new()
    {
        Id = OutboxMessage.IdFor(key + "|ticket-confirmation"),
        IdempotencyKey = key + "|ticket-confirmation",
        Kind = "ticket-confirmation",
        RecipientId = recipientId,
        Email = new EmailContent(address, name, "Votre inscription", "Bonjour", "<p>Bonjour</p>"),
        Status = OutboxStatus.Failed,
        Attempts = NotificationDispatcher.MaxAttempts,
        CreatedAt = now - age,
        NextAttemptAt = now.AddHours(-1),
        LastError = "Service indisponible (503).",
    };
}
