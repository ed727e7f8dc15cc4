using AvecSante.Core.Members;

namespace AvecSante.Core.Alerts;

/// <summary>What became of a send staff asked to try again.</summary>
public enum RetryOutcome
{
    /// <summary>Back in line, due now: the next dispatch sends it.</summary>
    Requeued,

    /// <summary>Not (or no longer) a failed send: sent, cancelled, already retried, or unknown.</summary>
    NotFailed,

    /// <summary>A dispatcher changed it between the read and the write; nothing was done.</summary>
    ChangedMeanwhile,
}

/// <summary>
/// Staff put failed sends back in line: pending, due now, with a fresh series of attempts (the outage that exhausted
/// them is usually over when someone looks). Only failed sends move, under their ETag, so a send is never doubled; the
/// audit trail names who asked. The dispatcher does the sending, with its own checks (unsubscribes, leases).
/// </summary>
public sealed class OutboxRetry(IOutboxStore outbox, IMemberAuditTrail audit, TimeProvider clock)
{
    public const string AuditAction = "retried";

    public const string AuditKind = "outbox";

    public async Task<RetryOutcome> RetryAsync(string messageId, string actor, CancellationToken cancellationToken)
    {
        var failed = await outbox.ListAsync(OutboxStatus.Failed, cancellationToken).ConfigureAwait(false);
        if (failed.FirstOrDefault(m => m.Id == messageId) is not { } message)
        {
            return RetryOutcome.NotFailed;
        }
        var now = clock.GetUtcNow();
        if (await outbox.TryUpdateAsync(Requeue(message, now), cancellationToken).ConfigureAwait(false) is null)
        {
            return RetryOutcome.ChangedMeanwhile;
        }
        await audit.RecordAsync(Entry(message, actor, now), cancellationToken).ConfigureAwait(false);
        return RetryOutcome.Requeued;
    }

    /// <summary>Every failed send at once; returns how many went back in line.</summary>
    public async Task<int> RetryAllAsync(string actor, CancellationToken cancellationToken)
    {
        var failed = await outbox.ListAsync(OutboxStatus.Failed, cancellationToken).ConfigureAwait(false);
        if (failed.Count == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var requeued = await outbox.TryUpdateManyAsync([.. failed.Select(m => Requeue(m, now))], cancellationToken).ConfigureAwait(false);
        await audit.RecordAllAsync([.. requeued.Select(m => Entry(m, actor, now))], cancellationToken).ConfigureAwait(false);
        return requeued.Count;
    }

    private static OutboxMessage Requeue(OutboxMessage message, DateTimeOffset now) =>
        message with { Status = OutboxStatus.Pending, Attempts = 0, NextAttemptAt = now };

    private static AuditEntry Entry(OutboxMessage message, string actor, DateTimeOffset now) =>
        new(now, actor, AuditAction, AuditKind, message.Id, ["Status"], message.Kind);
}
