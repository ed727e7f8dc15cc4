using Azure;
using Azure.Data.Tables;

namespace AvecSante.Infrastructure.Members;

/// <summary>Writes many rows of one partition in transactions of at most 100 (Table storage's limit).</summary>
internal static class TableBatches
{
    public const int MaxBatch = 100;

    /// <summary>Rows without an ETag are added (409 if someone added them meanwhile); rows with one replace it (412 if stale).</summary>
    public static async Task SaveAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                var actions = chunk.Select(e => e.ETag == default
                    ? new TableTransactionAction(TableTransactionActionType.Add, e)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)).ToList();
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static ETag ToETag(string? version) => version is null ? default : new ETag(version);
}
