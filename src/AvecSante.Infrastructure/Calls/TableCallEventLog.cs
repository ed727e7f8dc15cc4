using System.Globalization;
using System.Text.Json;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// "Call changed" events: PartitionKey "{federation}~{yyyyMM}", RowKey "{ticks:D19}-{callId}", so reading the events
/// since a moment is a scan of one or two monthly partitions in order.
/// </summary>
public sealed class TableCallEventLog(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : ICallEventLog
{
    public const string TableName = "CallEvents";

    private string Partition(DateTimeOffset at) => federation.Value.Id + "~" + at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public async Task AppendAsync(CallChangedEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = change.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + change.CallId;
        await table.UpsertEntityAsync(new TableEntity(Partition(change.At), row)
        {
            ["CallId"] = change.CallId,
            ["At"] = change.At,
            ["Changes"] = JsonSerializer.Serialize(change.Changes),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CallChangedEvent>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var result = new List<CallChangedEvent>();
        var from = since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var month = new DateTimeOffset(since.Year, since.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (; month <= clock.GetUtcNow(); month = month.AddMonths(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(month)} and RowKey ge {from}");
            result.AddRange(await tables.QueryAsync(TableName, filter, e => new CallChangedEvent(
                e.GetString("CallId"),
                e.GetDateTimeOffset("At") ?? default,
                JsonSerializer.Deserialize<List<CallChange>>(e.GetString("Changes")) ?? []), cancellationToken).ConfigureAwait(false));
        }
        return result;
    }
}
