using AvecSante.Core.Alerts;
using Azure;
using Azure.Data.Tables;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Batched writes of the outbox (ADR 0009): claims and messages go 100 rows of one partition per transaction. A batch
/// that meets a row already there (409) or changed meanwhile (412) fails as a whole; its rows are then done one by
/// one, which gives each its own answer. So a fresh plan of N alerts costs about 2 × ⌈N / 100⌉ transactions.
/// </summary>
public sealed partial class TableOutboxStore
{
    public const int MaxBatch = 100;

    public async Task<IReadOnlyList<OutboxMessage>> EnqueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var planned = new List<OutboxMessage>(messages.Count);
        // The same key twice in one call would fail its batch for nothing.
        foreach (var chunk in messages.DistinctBy(m => m.Id).Chunk(MaxBatch))
        {
            var claims = chunk.Select(m => new TableEntity(ClaimPartition, m.Id)
            {
                ["IdempotencyKey"] = m.IdempotencyKey,
                ["MessagePartition"] = MonthPartition(m.CreatedAt),
            }).ToList();
            if (await TrySubmitAsync(table, claims.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)), cancellationToken).ConfigureAwait(false))
            {
                foreach (var partition in chunk.GroupBy(m => MonthPartition(m.CreatedAt)))
                {
                    var rows = partition.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(m, partition.Key)));
                    if (!await TrySubmitAsync(table, rows, cancellationToken).ConfigureAwait(false))
                    {
                        foreach (var m in partition)
                        {
                            await AddIgnoringConflictAsync(table, ToEntity(m, partition.Key), cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                planned.AddRange(chunk);
                continue;
            }
            // Some were planned before: one by one, each claim says whether it is new.
            foreach (var message in chunk)
            {
                if (await TryEnqueueAsync(message, cancellationToken).ConfigureAwait(false))
                {
                    planned.Add(message);
                }
            }
        }
        return planned;
    }

    public async Task<IReadOnlyList<OutboxMessage>> TryUpdateManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var written = new List<OutboxMessage>(messages.Count);
        foreach (var partition in messages.GroupBy(m => MonthPartition(m.CreatedAt)))
        {
            foreach (var chunk in partition.DistinctBy(m => m.Id).Chunk(MaxBatch))
            {
                var actions = chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(m, partition.Key),
                    m.Version is null ? ETag.All : new ETag(m.Version))).ToList();
                try
                {
                    var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        written.Add(chunk[i] with { Version = response.Value[i].Headers.ETag?.ToString() });
                    }
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412)
                {
                    foreach (var message in chunk)
                    {
                        if (await TryUpdateAsync(message, cancellationToken).ConfigureAwait(false) is { } current)
                        {
                            written.Add(current);
                        }
                    }
                }
            }
        }
        return written;
    }

    private static async Task<bool> TrySubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
