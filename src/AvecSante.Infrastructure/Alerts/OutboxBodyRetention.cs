using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Outbox messages that have served (sent, failed or cancelled) lose their address, name, bodies, attachments and
/// substitutions Retention:OutboxBodyDays after their creation; kind, recipient id, subject, status and dates stay, so
/// the counts of sends (and the report) do not move. Pending or sending messages are never touched.
/// </summary>
public sealed class OutboxBodyRetention(TableStore tables, IOptions<FederationOptions> federation, IOptions<RetentionOptions> options, TimeProvider clock) : IExpiringData
{
    public string Section => "outboxBodies";

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - RetentionOptions.Days(options.Value.OutboxBodyDays);
        var table = await tables.GetAsync(TableOutboxStore.TableName, cancellationToken).ConfigureAwait(false);
        var id = federation.Value.Id;
        // Message partitions are "{federation}~yyyyMM": digits, so the claims partition ("~keys") is outside the range.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {id + "~0"} and PartitionKey lt {id + "~:"} and CreatedAt lt {before} and ToAddress gt {string.Empty}");
        var purged = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("Status") is nameof(OutboxStatus.Pending) or nameof(OutboxStatus.Sending))
            {
                continue;
            }
            TableOutboxStore.ClearPersonalColumns(e);
            try
            {
                await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                purged++;
            }
            catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex))
            {
                // Changed meanwhile (a late retry): the next run purges it.
            }
        }
        return purged;
    }
}
