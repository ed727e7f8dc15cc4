using System.Globalization;
using AvecSante.Core.Space;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Space;

/// <summary>
/// Fixed-window counters: PartitionKey = federation, RowKey = bucket (already a digest) + window start. The first request
/// of a window adds the row; later ones increment it under its ETag (412 = another instance counted meanwhile: re-read).
/// </summary>
public sealed class TableRateLimitStore(TableStore tables, IOptions<FederationOptions> federation) : IRateLimitStore
{
    public const string TableName = "SpaceRateLimits";

    private string Partition => federation.Value.Id;

    public async Task<bool> TryTakeAsync(string bucketKey, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var start = now.UtcTicks - (now.UtcTicks % window.Ticks);
        var rowKey = bucketKey + "~" + start.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!found.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(Partition, rowKey) { ["Count"] = 1 }, cancellationToken).ConfigureAwait(false);
                    return limit >= 1;
                }
                var count = found.Value!.GetInt32("Count") ?? 0;
                if (count >= limit)
                {
                    return false;
                }
                found.Value["Count"] = count + 1;
                await table.UpdateEntityAsync(found.Value, found.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (TableStore.IsConflict(ex) || TableStore.IsPreconditionFailed(ex))
            {
                // Another request counted at the same moment: count again from what is stored now.
            }
        }
        return false;
    }
}
