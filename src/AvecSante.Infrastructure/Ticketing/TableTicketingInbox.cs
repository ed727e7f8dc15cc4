using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// The ticketing inbox: one partition "{federation}~inbox" with two kinds of rows, written together in one
/// entity-group transaction:
/// - "r~{id}": the record (blob name, SHA-256, status, outcome); adding it is the claim (409 = seen before);
/// - "p~{id}": a pending marker, deleted when the record is finished, so the sweeper reads a short key range
///   instead of every delivery ever received.
/// </summary>
public sealed class TableTicketingInbox(TableStore tables, IOptions<FederationOptions> federation) : ITicketingInbox
{
    public const string TableName = "TicketingInbox";

    private string Partition => federation.Value.Id + "~inbox";

    public async Task<bool> TryClaimAsync(InboxRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, "r~" + record.Id)
        {
            ["Source"] = record.Source,
            ["BlobName"] = record.BlobName,
            ["ContentSha256"] = record.ContentSha256,
            ["ReceivedAt"] = record.ReceivedAt,
            ["Status"] = nameof(InboxStatus.Pending),
            ["Attempts"] = 0,
        };
        var marker = new TableEntity(Partition, "p~" + record.Id)
        {
            ["ReceivedAt"] = record.ReceivedAt,
            ["Attempts"] = 0,
        };
        try
        {
            await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, marker)], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<InboxRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, "r~" + id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task CompleteAsync(string id, InboxStatus status, string outcome, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var update = new TableEntity(Partition, "r~" + id)
        {
            ["Status"] = status.ToString(),
            ["Outcome"] = outcome.Length > 1000 ? outcome[..1000] : outcome,
        };
        try
        {
            await table.SubmitTransactionAsync(
                [new(TableTransactionActionType.UpdateMerge, update, ETag.All), new(TableTransactionActionType.Delete, new TableEntity(Partition, "p~" + id), ETag.All)],
                cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // Finished concurrently (the marker is gone): mark the record alone, the outcome is the same.
            await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> RecordAttemptAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        for (var retry = 0; ; retry++)
        {
            var marker = await table.GetEntityIfExistsAsync<TableEntity>(Partition, "p~" + id, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!marker.HasValue)
            {
                return 0;
            }
            var entity = marker.Value!;
            var attempts = (entity.GetInt32("Attempts") ?? 0) + 1;
            entity["Attempts"] = attempts;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return attempts;
            }
            catch (RequestFailedException ex) when ((TableStore.IsPreconditionFailed(ex) || TableStore.IsNotFound(ex)) && retry < 5)
            {
                // Another sweeper counted at the same time: read again.
            }
        }
    }

    public async Task<IReadOnlyList<InboxRecord>> ListUnfinishedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"p~"} and RowKey lt {"p~~"} and ReceivedAt le {receivedBefore}");
        var ids = new List<string>();
        await foreach (var marker in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(marker.RowKey[2..]);
        }
        var records = new List<InboxRecord>();
        foreach (var id in ids)
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { Status: InboxStatus.Pending } record)
            {
                records.Add(record);
            }
        }
        return records.OrderBy(r => r.ReceivedAt).ToList();
    }

    public async Task<IReadOnlyList<InboxRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"r~"} and RowKey lt {"r~~"}");
        var records = await tables.QueryAsync(TableName, filter, FromEntity, cancellationToken).ConfigureAwait(false);
        return records.OrderBy(r => r.ReceivedAt).ToList();
    }

    public async Task<IReadOnlyList<InboxRecord>> ListByStatusAsync(InboxStatus status, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"r~"} and RowKey lt {"r~~"} and Status eq {status.ToString()}");
        var records = await tables.QueryAsync(TableName, filter, FromEntity, cancellationToken).ConfigureAwait(false);
        return records.OrderBy(r => r.ReceivedAt).ToList();
    }

    private static InboxRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey[2..],
        Source = e.GetString("Source"),
        BlobName = e.GetString("BlobName"),
        ContentSha256 = e.GetString("ContentSha256"),
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        Status = Enum.Parse<InboxStatus>(e.GetString("Status")),
        Attempts = e.GetInt32("Attempts") ?? 0,
        Outcome = e.GetString("Outcome"),
    };
}
