using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Notifications;

public sealed record DispatchSummary(int Sent, int Retrying, int Failed, int Skipped);

/// <summary>
/// Sends what is due in the outbox. A message is leased (ETag update) before it is sent, so two dispatchers running at
/// once never send it twice; transient failures come back later with exponential backoff honouring Retry-After.
/// </summary>
public sealed partial class NotificationDispatcher(
    IOutboxStore outbox,
    IEmailSender email,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0, retrying = 0, failed = 0, skipped = 0;
        foreach (var due in await outbox.ListDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var leased = due with
            {
                Status = OutboxStatus.Sending,
                Attempts = due.Attempts + 1,
                NextAttemptAt = clock.GetUtcNow() + Lease,
            };
            if (await outbox.TryUpdateAsync(leased, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                skipped++; // another dispatcher leased it first
                continue;
            }

            DeliveryResult result;
            try
            {
                result = await email.SendAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                result = new DeliveryResult(DeliveryOutcome.Transient, ex.GetType().Name);
            }

            var outcome = Settle(current, result);
            await outbox.TryUpdateAsync(outcome, cancellationToken).ConfigureAwait(false);
            LogOutcome(current.Id, current.Kind, outcome.Status, current.Attempts);
            switch (outcome.Status)
            {
                case OutboxStatus.Sent: sent++; break;
                case OutboxStatus.Failed: failed++; break;
                default: retrying++; break;
            }
        }
        return new DispatchSummary(sent, retrying, failed, skipped);
    }

    private OutboxMessage Settle(OutboxMessage message, DeliveryResult result)
    {
        var now = clock.GetUtcNow();
        return result.Outcome switch
        {
            DeliveryOutcome.Delivered => message with { Status = OutboxStatus.Sent, SentAt = now, LastError = null },
            DeliveryOutcome.Transient when message.Attempts < MaxAttempts => message with
            {
                Status = OutboxStatus.Pending,
                NextAttemptAt = now + RetryDelay(message.Attempts, result.RetryAfter),
                LastError = result.Error,
            },
            _ => message with { Status = OutboxStatus.Failed, LastError = result.Error },
        };
    }

    /// <summary>1, 2, 4, 8… minutes, capped at six hours, never sooner than the server asked.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(attempts - 1, 20)));
        return retryAfter is { } asked && asked > backoff ? asked : backoff;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) is now {Status} after attempt {Attempt}")]
    private partial void LogOutcome(string messageId, string kind, OutboxStatus status, int attempt);
}
