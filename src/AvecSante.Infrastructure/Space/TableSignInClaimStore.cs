using AvecSante.Core.Space;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Space;

/// <summary>Used sign-in links: PartitionKey = federation, RowKey = digest of the link; the first AddEntity wins (409 = used).</summary>
public sealed class TableSignInClaimStore(TableStore tables, IOptions<FederationOptions> federation) : ISignInClaimStore
{
    public const string TableName = "SpaceSignInClaims";

    private string Partition => federation.Value.Id;

    public async Task<bool> TryClaimAsync(string linkKey, string personId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, linkKey) { ["PersonId"] = personId, ["ClaimedAt"] = at }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task<bool> IsClaimedAsync(string linkKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, linkKey, ["RowKey"], cancellationToken).ConfigureAwait(false);
        return found.HasValue;
    }
}
