using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Alerts;

public sealed record DispatchSummary(int Sent, int Retrying, int Failed, int Skipped, int Cancelled = 0);

/// <summary>The channels other than external email, and the directory that says who unsubscribed. All optional.</summary>
public sealed record DispatchChannels(
    ITenantMailSender? TenantMail = null,
    ICalendarPublisher? Calendar = null,
    ITeamsPoster? Teams = null,
    IPeopleDirectory? People = null);

/// <summary>
/// Sends what is due in the outbox. A message is leased (ETag update) before it is sent, so two dispatchers running at
/// once never send it twice; transient failures come back later with exponential backoff honouring Retry-After.
/// External emails of one batch key go to SendGrid together (up to 1,000 per request). Just before sending, each alert
/// is checked against the recipient's current preferences: an unsubscribe is honoured from the next send.
/// </summary>
public sealed partial class NotificationDispatcher(
    IOutboxStore outbox,
    IEmailSender email,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger,
    DispatchChannels? channels = null)
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    private readonly DispatchChannels _channels = channels ?? new DispatchChannels();

    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var due = await outbox.ListDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var sendable = await DropUnwantedAsync(due, tally, cancellationToken).ConfigureAwait(false);

        // Batches first: external emails sharing a batch key, when the sender can batch.
        var singles = new List<OutboxMessage>();
        if (email is IBatchEmailSender batcher && batcher.MaxRecipientsPerRequest > 1)
        {
            foreach (var group in sendable.GroupBy(m => m.Channel == NotificationChannel.Email ? m.BatchKey : null))
            {
                if (group.Key is null)
                {
                    singles.AddRange(group);
                    continue;
                }
                foreach (var chunk in group.Chunk(batcher.MaxRecipientsPerRequest))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await SendLeasedAsync(chunk, leased => batcher.SendBatchAsync(leased, cancellationToken), tally, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            singles.AddRange(sendable);
        }

        foreach (var message in singles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await SendLeasedAsync([message], leased => SendOneAsync(leased[0], cancellationToken), tally, cancellationToken).ConfigureAwait(false);
        }
        return new DispatchSummary(tally.Sent, tally.Retrying, tally.Failed, tally.Skipped, tally.Cancelled);
    }

    private sealed class Tally
    {
        public int Sent { get; set; }
        public int Retrying { get; set; }
        public int Failed { get; set; }
        public int Skipped { get; set; }
        public int Cancelled { get; set; }
    }

    /// <summary>Alerts whose recipient has since unsubscribed (or turned that kind off, or was erased) are cancelled, not sent.</summary>
    private async Task<List<OutboxMessage>> DropUnwantedAsync(IReadOnlyList<OutboxMessage> due, Tally tally, CancellationToken cancellationToken)
    {
        if (_channels.People is not { } people)
        {
            return due.ToList();
        }
        var persons = new Dictionary<string, Person?>(StringComparer.Ordinal);
        var keep = new List<OutboxMessage>(due.Count);
        var cancel = new List<OutboxMessage>();
        foreach (var message in due)
        {
            if (!AlertKinds.IsPersonalAlert(message.Kind))
            {
                keep.Add(message);
                continue;
            }
            if (!persons.TryGetValue(message.RecipientId, out var person))
            {
                person = await people.GetAsync(message.RecipientId, cancellationToken).ConfigureAwait(false);
                persons[message.RecipientId] = person;
            }
            if (person is not null && AlertKinds.Allows(person.Preferences, message.Kind))
            {
                keep.Add(message);
            }
            else
            {
                cancel.Add(message with { Status = OutboxStatus.Cancelled, LastError = person is null ? "Destinataire inconnu ou effacé : envoi annulé." : "Désabonné (préférences) : envoi annulé." });
            }
        }
        if (cancel.Count > 0)
        {
            tally.Cancelled += (await UpdateAsync(cancel, cancellationToken).ConfigureAwait(false)).Count;
        }
        return keep;
    }

    private async Task SendLeasedAsync(OutboxMessage[] messages, Func<IReadOnlyList<OutboxMessage>, Task<DeliveryResult>> send, Tally tally, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leases = messages.Select(m => m with { Status = OutboxStatus.Sending, Attempts = m.Attempts + 1, NextAttemptAt = now + Lease }).ToList();
        var leased = await UpdateAsync(leases, cancellationToken).ConfigureAwait(false);
        tally.Skipped += messages.Length - leased.Count; // another dispatcher leased them first
        if (leased.Count == 0)
        {
            return;
        }

        DeliveryResult result;
        try
        {
            result = await send(leased).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            result = new DeliveryResult(DeliveryOutcome.Transient, ex.GetType().Name);
        }

        var outcomes = leased.Select(m => Settle(m, result)).ToList();
        await UpdateAsync(outcomes, cancellationToken).ConfigureAwait(false);
        foreach (var outcome in outcomes)
        {
            LogOutcome(outcome.Id, outcome.Kind, outcome.Status, outcome.Attempts);
            switch (outcome.Status)
            {
                case OutboxStatus.Sent: tally.Sent++; break;
                case OutboxStatus.Failed: tally.Failed++; break;
                default: tally.Retrying++; break;
            }
        }
    }

    /// <summary>One record: a single conditional write; several: the store's batched writes.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> UpdateAsync(List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 1)
        {
            return await outbox.TryUpdateAsync(messages[0], cancellationToken).ConfigureAwait(false) is { } current ? [current] : [];
        }
        return await outbox.TryUpdateManyAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    private Task<DeliveryResult> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken) => message.Channel switch
    {
        NotificationChannel.TenantEmail when _channels.TenantMail is { } tenant => tenant.SendAsync(message, cancellationToken),
        NotificationChannel.Calendar when _channels.Calendar is { } calendar => calendar.PublishAsync(message, cancellationToken),
        NotificationChannel.Teams when _channels.Teams is { } teams => teams.PostAsync(message, cancellationToken),
        NotificationChannel.Email or NotificationChannel.TenantEmail => email.SendAsync(message, cancellationToken),
        _ => Task.FromResult(new DeliveryResult(DeliveryOutcome.Permanent, $"Aucun canal configuré pour {message.Channel}.")),
    };

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
