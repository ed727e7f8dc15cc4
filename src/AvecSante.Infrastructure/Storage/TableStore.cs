using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Storage;

/// <summary>Hands out table clients by logical name, creating each table once per process.</summary>
public sealed class TableStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly CreatedOnce<TableClient> _tables = new(async name =>
    {
        var client = service.GetTableClient(options.Value.TablePrefix + name);
        await client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
        return client;
    });

    public TableServiceClient Service => service;

    public Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken) => _tables.GetAsync(logicalName, cancellationToken);

    /// <summary>Every row of the table that <paramref name="filter"/> selects (all pages), mapped as it is read.</summary>
    public Task<List<T>> QueryAsync<T>(string logicalName, string filter, Func<TableEntity, T> map, CancellationToken cancellationToken) =>
        QueryAsync(logicalName, filter, select: null, map, cancellationToken);

    /// <summary>The same, reading only the <paramref name="select"/> columns (null: all).</summary>
    public async Task<List<T>> QueryAsync<T>(string logicalName, string filter, IEnumerable<string>? select, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var table = await GetAsync(logicalName, cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(entity));
        }
        return rows;
    }

    public static bool IsConflict(RequestFailedException ex) => ex.Status == 409;

    public static bool IsPreconditionFailed(RequestFailedException ex) => ex.Status == 412;

    public static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;
}
