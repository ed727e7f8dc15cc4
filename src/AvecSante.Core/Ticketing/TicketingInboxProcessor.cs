using System.Security.Cryptography;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Ticketing;

public enum DeliveryResultKind
{
    /// <summary>Claimed and processed now.</summary>
    Processed,

    /// <summary>Claimed; nothing to do (another form, another event type).</summary>
    Ignored,

    /// <summary>Seen before (same stable id).</summary>
    Duplicate,

    /// <summary>Claimed and archived, but processing failed: the sweeper finishes it.</summary>
    Accepted,

    /// <summary>A refund that could not be confirmed: kept for staff (GET /api/ticketing/refunds), nothing cancelled.</summary>
    Held,

    /// <summary>Archived and queued: processed from the queue, the sweeper being the safety net.</summary>
    Queued,
}

public sealed record DeliveryReceipt(DeliveryResultKind Kind, string InboxId, TicketingOutcome? Outcome);

/// <summary>
/// The exactly-once path of a delivery: archive the raw body (Blob), read it and queue it, then answer; from the queue,
/// claim its stable id (409 = seen), process, mark it done. Until it is queued a failure is the sender's to retry
/// (503); after, the delivery is ours: the queue retries it and the sweeper re-processes any record left pending.
/// </summary>
public sealed partial class TicketingInboxProcessor(
    IRawPayloadArchive archive,
    ITicketingInbox inbox,
    IQueuedTicketingDeliveries queue,
    TicketingService service,
    IHelloAssoOrderSource orders,
    TimeProvider clock,
    ILogger<TicketingInboxProcessor> logger)
{
    /// <summary>A pending record younger than this is left to the run that claimed it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public const int MaxAttempts = 10;

    /// <summary>
    /// The acknowledgement of a delivery, in two storage calls: archive the raw body (Blob), read it (bad input stops
    /// here, archived but not queued), queue it. A byte-identical repeat is still queued (its first copy may not have
    /// been), the claim deduplicating; only for a replay-refusing source does a repeat cost a third call, to refuse it
    /// when its first copy is already claimed.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">Not JSON (a 400 for the sender).</exception>
    /// <exception cref="TicketingPayloadException">JSON but not readable (a 400 naming the field).</exception>
    public async Task<DeliveryReceipt> AcknowledgeAsync(string source, ReadOnlyMemory<byte> body, bool duplicateIsReplay, CancellationToken cancellationToken)
    {
        var (blobName, sha256, isNew) = await archive.ArchiveOnceAsync(source, body, cancellationToken).ConfigureAwait(false);
        var (inboxId, _) = Read(source, body.Span);
        if (!isNew && duplicateIsReplay && await inbox.GetAsync(inboxId, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogDuplicate(inboxId, source, null);
            return new DeliveryReceipt(DeliveryResultKind.Duplicate, inboxId, null);
        }
        await queue.EnqueueAsync(new TicketingDelivery(inboxId, source, blobName, sha256, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        // A replay-refusing source's repeat reaches here only when its first copy was never claimed: it is the delivery.
        return new DeliveryReceipt(isNew || duplicateIsReplay ? DeliveryResultKind.Queued : DeliveryResultKind.Duplicate, inboxId, null);
    }

    /// <summary>
    /// A queued delivery: claim, process, complete. A failure throws, so the queue retries it and, after the host's
    /// maximum dequeue count, moves it to the poison queue; the claimed record stays pending for the sweeper meanwhile.
    /// A claim already taken is processed only by a retry of its own message or once its grace is over.
    /// </summary>
    public async Task<DeliveryReceipt> ProcessQueuedAsync(TicketingDelivery delivery, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = await archive.ReadAsync(delivery.BlobName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The archived payload of delivery {delivery.InboxId} is missing.");
        var (inboxId, command) = Read(delivery.Source, body);
        var record = new InboxRecord
        {
            Id = inboxId,
            Source = delivery.Source,
            BlobName = delivery.BlobName,
            ContentSha256 = delivery.Sha256,
            ReceivedAt = delivery.ReceivedAt,
        };
        if (!await inbox.TryClaimAsync(record, cancellationToken).ConfigureAwait(false))
        {
            var existing = await inbox.GetAsync(inboxId, cancellationToken).ConfigureAwait(false);
            if (existing is not { Status: InboxStatus.Pending } pending || !(isRetry || clock.GetUtcNow() - pending.ReceivedAt > Grace))
            {
                LogDuplicate(inboxId, delivery.Source, existing?.Status);
                return new DeliveryReceipt(DeliveryResultKind.Duplicate, inboxId, null);
            }
            record = pending;
        }
        return await ProcessAsync(record, command, throwOnFailure: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-processes records left pending (the SweepTicketingInbox timer).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        foreach (var record in await inbox.ListUnfinishedAsync(clock.GetUtcNow() - Grace, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attempts = await inbox.RecordAttemptAsync(record.Id, cancellationToken).ConfigureAwait(false);
            if (attempts > MaxAttempts)
            {
                await inbox.CompleteAsync(record.Id, InboxStatus.Failed, $"abandonné après {MaxAttempts} tentatives", cancellationToken).ConfigureAwait(false);
                LogGaveUp(record.Id, attempts);
                continue;
            }
            var body = await archive.ReadAsync(record.BlobName, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                await inbox.CompleteAsync(record.Id, InboxStatus.Failed, "contenu archivé introuvable", cancellationToken).ConfigureAwait(false);
                LogGaveUp(record.Id, attempts);
                continue;
            }
            var (_, command) = Read(record.Source, body);
            var receipt = await ProcessAsync(record, command, cancellationToken).ConfigureAwait(false);
            finished += receipt.Kind == DeliveryResultKind.Accepted ? 0 : 1;
        }
        return finished;
    }

    public static (string InboxId, TicketingCommand Command) Read(string source, ReadOnlySpan<byte> body)
    {
        if (source == TicketSources.Webhook)
        {
            var (submissionId, command) = WebhookSubmissionReader.Read(body);
            // Scoped by form like the ticket ids: two tools may number their submissions alike.
            return ("wh-" + StableKeys.Digest("webhook|" + WebhookSubmissionReader.Scope(command.FormSlug, command.EventId) + "|" + submissionId, 40), command);
        }
        // HelloAsso resends the same bytes: the content hash is the delivery's identity.
        return ("ha-" + Convert.ToHexStringLower(SHA256.HashData(body))[..40], HelloAssoNotificationReader.Read(body));
    }

    private Task<DeliveryReceipt> ProcessAsync(InboxRecord record, TicketingCommand command, CancellationToken cancellationToken) =>
        ProcessAsync(record, command, throwOnFailure: false, cancellationToken);

    private async Task<DeliveryReceipt> ProcessAsync(InboxRecord record, TicketingCommand command, bool throwOnFailure, CancellationToken cancellationToken)
    {
        TicketingOutcome outcome;
        try
        {
            if (await TrustedCommandAsync(record, command, cancellationToken).ConfigureAwait(false) is not { } trusted)
            {
                await inbox.CompleteAsync(record.Id, InboxStatus.Held, "remboursement non confirmé : en attente de vérification par l'équipe", cancellationToken).ConfigureAwait(false);
                LogRefundHeld(record.Id, command.OrderId);
                return new DeliveryReceipt(DeliveryResultKind.Held, record.Id, null);
            }
            outcome = await service.ExecuteAsync(trusted, record.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Once claimed, the delivery is ours: any failure leaves it pending for the sweeper.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogProcessingFailed(ex, record.Id);
            if (throwOnFailure)
            {
                throw;
            }
            return new DeliveryReceipt(DeliveryResultKind.Accepted, record.Id, null);
        }
        var status = outcome.Status == TicketingOutcome.Ignored ? InboxStatus.Ignored : InboxStatus.Processed;
        try
        {
            await inbox.CompleteAsync(record.Id, status, Summary(outcome), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The work is done; failing to mark it only means the sweeper runs it once more, to no effect.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogProcessingFailed(ex, record.Id);
        }
        return new DeliveryReceipt(status == InboxStatus.Ignored ? DeliveryResultKind.Ignored : DeliveryResultKind.Processed, record.Id, outcome);
    }

    /// <summary>
    /// What of a notification may be acted on. HelloAsso notifications are unsigned for ordinary associations and the
    /// URL secret can leak, so: an Order is re-read from the API when credentials are set, and without them it may
    /// create tickets but never cancel one; a refund cancels only what the API confirms, and is held for staff (null)
    /// when there are no credentials to ask with.
    /// </summary>
    private async Task<TicketingCommand?> TrustedCommandAsync(InboxRecord record, TicketingCommand command, CancellationToken cancellationToken)
    {
        if (record.Source != TicketSources.HelloAsso)
        {
            return command;
        }
        if (command.NotificationType == "Order")
        {
            return orders.IsConfigured ? await ReReadOrderAsync(record, command, cancellationToken).ConfigureAwait(false) : WithoutCancellations(record, command);
        }
        if (command.Action != TicketingAction.Cancel)
        {
            return command;
        }
        if (!orders.IsConfigured || command.OrderId is not { } orderId)
        {
            return null;
        }
        var order = await orders.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is not { } found)
        {
            LogOrderUnknown(record.Id, orderId);
            return TicketingCommand.Ignore("Payment", "remboursement d'une commande inconnue de l'API HelloAsso", command.FormSlug) with { OrderId = orderId };
        }
        var confirmed = HelloAssoRefundConfirmation.Confirm(command, found);
        LogRefundConfirmed(record.Id, orderId, command.Lines.Count, confirmed.Lines.Count);
        return confirmed;
    }

    /// <summary>An unconfirmed Order keeps its registrations; its cancelled items wait for a confirmed refund.</summary>
    private TicketingCommand WithoutCancellations(InboxRecord record, TicketingCommand command)
    {
        var kept = command.Lines.Where(l => !l.Cancelled).ToList();
        if (kept.Count == command.Lines.Count)
        {
            return command;
        }
        LogCancellationsDropped(record.Id, command.Lines.Count - kept.Count);
        return kept.Count == 0
            ? TicketingCommand.Ignore("Order", "commande non confirmée dont les billets sont annulés : rien à créer", command.FormSlug) with { OrderId = command.OrderId }
            : command with { Lines = kept };
    }

    /// <summary>
    /// With API credentials, an Order notification (unsigned for ordinary associations) is not trusted as received: its
    /// order is read again from the API and the API's items are processed. 404 → ignored; unreachable, 429 or 5xx →
    /// the exception leaves the record pending for the sweeper.
    /// </summary>
    private async Task<TicketingCommand> ReReadOrderAsync(InboxRecord record, TicketingCommand command, CancellationToken cancellationToken)
    {
        if (record.Source != TicketSources.HelloAsso || command.NotificationType != "Order" || !orders.IsConfigured)
        {
            return command;
        }
        if (command.OrderId is not { } orderId)
        {
            LogOrderWithoutId(record.Id);
            return TicketingCommand.Ignore("Order", "commande sans identifiant : impossible de la relire auprès de l'API HelloAsso", command.FormSlug);
        }
        var order = await orders.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is not { } found)
        {
            LogOrderUnknown(record.Id, orderId);
            return TicketingCommand.Ignore("Order", "commande inconnue de l'API HelloAsso", command.FormSlug) with { OrderId = orderId };
        }
        var reread = HelloAssoNotificationReader.ReadApiOrder(found);
        LogOrderReRead(record.Id, orderId, command.Lines.Count, reread.Lines.Count);
        return reread;
    }

    private static string Summary(TicketingOutcome o) =>
        o.Status == TicketingOutcome.Ignored
            ? "ignoré : " + o.Reason
            : $"événement {o.EventId} : {o.TicketsCreated} créé(s), {o.Duplicates} déjà connu(s), {o.Cancelled} annulé(s), {o.Promoted} promu(s)";

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Ticketing delivery {InboxId} from {Source} seen before (status {Status})")]
    private partial void LogDuplicate(string inboxId, string source, InboxStatus? status);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Ticketing delivery {InboxId} could not be processed now; it stays pending for the sweeper")]
    private partial void LogProcessingFailed(Exception exception, string inboxId);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Warning, Message = "Ticketing delivery {InboxId}: order {OrderId} is unknown to the HelloAsso API; notification ignored")]
    private partial void LogOrderUnknown(string inboxId, string orderId);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Warning, Message = "Ticketing delivery {InboxId}: Order notification without an order id cannot be re-read from the HelloAsso API; ignored")]
    private partial void LogOrderWithoutId(string inboxId);

    [LoggerMessage(EventId = 3116, Level = LogLevel.Information, Message = "Ticketing delivery {InboxId}: order {OrderId} re-read from the HelloAsso API ({NotifiedLines} ticket lines notified, {ApiLines} in the API's order)")]
    private partial void LogOrderReRead(string inboxId, string orderId, int notifiedLines, int apiLines);

    [LoggerMessage(EventId = 3117, Level = LogLevel.Warning, Message = "Ticketing delivery {InboxId}: refund of order {OrderId} cannot be confirmed (no HelloAsso API credentials or no order id); held for staff")]
    private partial void LogRefundHeld(string inboxId, string? orderId);

    [LoggerMessage(EventId = 3118, Level = LogLevel.Information, Message = "Ticketing delivery {InboxId}: refund of order {OrderId} checked with the HelloAsso API ({NotifiedLines} items notified, {ConfirmedLines} confirmed void)")]
    private partial void LogRefundConfirmed(string inboxId, string orderId, int notifiedLines, int confirmedLines);

    [LoggerMessage(EventId = 3119, Level = LogLevel.Warning, Message = "Ticketing delivery {InboxId}: {Count} cancelled item(s) of an unconfirmed order ignored")]
    private partial void LogCancellationsDropped(string inboxId, int count);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Error, Message = "Ticketing delivery {InboxId} abandoned after {Attempts} attempts")]
    private partial void LogGaveUp(string inboxId, int attempts);
}
