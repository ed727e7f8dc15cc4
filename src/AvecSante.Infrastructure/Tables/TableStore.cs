using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using AvecSante.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Tables;

/// <summary>Hands out table clients by logical name, creating each table once per process.</summary>
public sealed class TableStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public async Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<TableClient>>(async () =>
        {
            var client = service.GetTableClient(options.Value.TablePrefix + name);
            await client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Storage was unreachable: forget the failure so the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(logicalName, lazy));
            throw;
        }
    }

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
