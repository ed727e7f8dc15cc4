using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// AlertState: PartitionKey = federation, RowKey = the state's name (digested when it is not key-safe). A handful of
/// rows: the change-log cursor, the days and weeks done, the calendar event id of each call.
/// </summary>
public sealed class TableAlertStateStore(TableStore tables, IOptions<FederationOptions> federation) : IAlertStateStore
{
    public const string TableName = "AlertState";

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(federation.Value.Id, Row(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("Value") : null;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(federation.Value.Id, Row(key)) { ["Name"] = key, ["Value"] = value }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static string Row(string key) => StableKeys.IsSafe(key) && key.Length <= 200 ? key : StableKeys.Digest(key);
}
