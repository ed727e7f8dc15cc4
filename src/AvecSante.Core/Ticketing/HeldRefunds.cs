using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Ticketing;

/// <summary>A refund held for staff: which order and items it names (ids and amounts only, no personal data).</summary>
public sealed record HeldRefund(string Id, DateTimeOffset ReceivedAt, string? FormSlug, string? OrderId, IReadOnlyList<HeldRefundItem> Items);

public sealed record HeldRefundItem(string ItemId, long AmountCents);

/// <summary>What staff asked of a held refund.</summary>
public enum HeldRefundDecision
{
    Apply,
    Dismiss,
}

/// <summary>How a staff decision on a held refund went.</summary>
public enum HeldRefundResult
{
    Done,
    NotFound,

    /// <summary>The refund is no longer held (decided already, or never was one).</summary>
    NotHeld,
}

/// <summary>
/// The refunds nobody could confirm through the HelloAsso API, for staff: listed, then applied once checked in the
/// HelloAsso back office (the same idempotent cancellation as a confirmed refund) or dismissed.
/// </summary>
public sealed partial class HeldRefunds(ITicketingInbox inbox, IRawPayloadArchive archive, TicketingService service, ILogger<HeldRefunds> logger)
{
    public async Task<IReadOnlyList<HeldRefund>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<HeldRefund>();
        foreach (var record in await inbox.ListByStatusAsync(InboxStatus.Held, cancellationToken).ConfigureAwait(false))
        {
            var command = await ReadAsync(record, cancellationToken).ConfigureAwait(false);
            list.Add(new HeldRefund(record.Id, record.ReceivedAt, command?.FormSlug, command?.OrderId,
                command?.Lines.Select(l => new HeldRefundItem(l.ExternalId, l.AmountCents)).ToList() ?? []));
        }
        return list;
    }

    public async Task<(HeldRefundResult Result, TicketingOutcome? Outcome)> DecideAsync(string id, HeldRefundDecision decision, CancellationToken cancellationToken)
    {
        var record = await inbox.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return (HeldRefundResult.NotFound, null);
        }
        if (record.Status != InboxStatus.Held)
        {
            return (HeldRefundResult.NotHeld, null);
        }
        if (decision == HeldRefundDecision.Dismiss)
        {
            await inbox.CompleteAsync(id, InboxStatus.Ignored, "remboursement écarté par l'équipe", cancellationToken).ConfigureAwait(false);
            LogDecided(id, decision);
            return (HeldRefundResult.Done, null);
        }
        var command = await ReadAsync(record, cancellationToken).ConfigureAwait(false);
        if (command is null)
        {
            return (HeldRefundResult.NotFound, null);
        }
        var outcome = await service.ExecuteAsync(command, id, cancellationToken).ConfigureAwait(false);
        await inbox.CompleteAsync(id, InboxStatus.Processed, $"remboursement appliqué par l'équipe : {outcome.Cancelled} billet(s) annulé(s)", cancellationToken).ConfigureAwait(false);
        LogDecided(id, decision);
        return (HeldRefundResult.Done, outcome);
    }

    private async Task<TicketingCommand?> ReadAsync(InboxRecord record, CancellationToken cancellationToken)
    {
        var body = await archive.ReadAsync(record.BlobName, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }
        var (_, command) = TicketingInboxProcessor.Read(record.Source, body);
        return command.Action == TicketingAction.Cancel ? command : null;
    }

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Held refund {InboxId}: staff decision {Decision}")]
    private partial void LogDecided(string inboxId, HeldRefundDecision decision);
}
