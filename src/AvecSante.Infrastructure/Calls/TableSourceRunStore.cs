using AvecSante.Core.Calls.Ingestion;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>Source health: PartitionKey = federation, RowKey = source name (a handful of rows).</summary>
public sealed class TableSourceRunStore(TableStore tables, IOptions<FederationOptions> federation) : ISourceRunStore
{
    public const string TableName = "CallSources";

    private string Partition => federation.Value.Id;

    public async Task<SourceRun?> GetAsync(string source, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, source, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task SaveAsync(SourceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, run.Source)
        {
            ["Kind"] = run.Kind,
            ["Enabled"] = run.Enabled,
            ["LastRunAt"] = run.LastRunAt,
            ["LastSuccessAt"] = run.LastSuccessAt,
            ["Status"] = run.Status,
            ["Seen"] = run.Seen,
            ["New"] = run.New,
            ["Changed"] = run.Changed,
            ["Rejected"] = run.Rejected,
            ["LastError"] = run.LastError,
            ["Cursor"] = run.Cursor,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SourceRun>> ListAsync(CancellationToken cancellationToken)
    {
        return await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), FromEntity, cancellationToken).ConfigureAwait(false);
    }

    private static SourceRun FromEntity(TableEntity e) => new()
    {
        Source = e.RowKey,
        Kind = e.GetString("Kind"),
        Enabled = e.GetBoolean("Enabled") ?? true,
        LastRunAt = e.GetDateTimeOffset("LastRunAt"),
        LastSuccessAt = e.GetDateTimeOffset("LastSuccessAt"),
        Status = e.GetString("Status") ?? "never",
        Seen = e.GetInt32("Seen") ?? 0,
        New = e.GetInt32("New") ?? 0,
        Changed = e.GetInt32("Changed") ?? 0,
        Rejected = e.GetInt32("Rejected") ?? 0,
        LastError = e.GetString("LastError"),
        Cursor = e.GetString("Cursor"),
    };
}
