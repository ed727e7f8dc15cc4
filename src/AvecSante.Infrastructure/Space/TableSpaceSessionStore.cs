using AvecSante.Core.Space;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Space;

/// <summary>Space sessions: PartitionKey = federation, RowKey = digest of the cookie's value (a point read per page).</summary>
public sealed class TableSpaceSessionStore(TableStore tables, IOptions<FederationOptions> federation) : ISpaceSessionStore
{
    public const string TableName = "SpaceSessions";

    private string Partition => federation.Value.Id;

    public async Task CreateAsync(string sessionKey, SpaceSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(new TableEntity(Partition, sessionKey) { ["PersonId"] = session.PersonId, ["ExpiresAt"] = session.ExpiresAt }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SpaceSession?> FindAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, sessionKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? new SpaceSession(found.Value!.GetString("PersonId"), found.Value.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue) : null;
    }

    public async Task DeleteAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(Partition, sessionKey, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteForPersonAsync(string personId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and PersonId eq {personId}");
        var keys = await tables.QueryAsync(TableName, filter, ["RowKey"], e => e.RowKey, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
        return keys.Count;
    }
}
