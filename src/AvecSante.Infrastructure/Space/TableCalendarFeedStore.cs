using AvecSante.Core.Space;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Space;

/// <summary>
/// Calendar feeds: PartitionKey = federation; row "f-{digest of the token}" names the person, row "p-{person id}" holds
/// the digest of the person's current token. A feed is served only when both agree, so replacing or revoking the
/// person's row ends the old address at once, even if removing its own row failed.
/// </summary>
public sealed class TableCalendarFeedStore(TableStore tables, IOptions<FederationOptions> federation) : ICalendarFeedStore
{
    public const string TableName = "SpaceCalendarFeeds";

    private string Partition => federation.Value.Id;

    public async Task ReplaceAsync(string personId, string feedKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await RevokeAsync(personId, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, "f-" + feedKey) { ["PersonId"] = personId, ["IssuedAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition, "p-" + personId) { ["FeedKey"] = feedKey, ["IssuedAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FindPersonAsync(string feedKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var feed = await table.GetEntityIfExistsAsync<TableEntity>(Partition, "f-" + feedKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!feed.HasValue || feed.Value!.GetString("PersonId") is not { } personId)
        {
            return null;
        }
        var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, "p-" + personId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return current.HasValue && current.Value!.GetString("FeedKey") == feedKey ? personId : null;
    }

    public async Task<bool> HasFeedAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        return (await table.GetEntityIfExistsAsync<TableEntity>(Partition, "p-" + personId, ["RowKey"], cancellationToken).ConfigureAwait(false)).HasValue;
    }

    public async Task<int> RevokeAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, "p-" + personId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!current.HasValue)
        {
            return 0;
        }
        if (current.Value!.GetString("FeedKey") is { } old)
        {
            await table.DeleteEntityAsync(Partition, "f-" + old, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        await table.DeleteEntityAsync(Partition, "p-" + personId, ETag.All, cancellationToken).ConfigureAwait(false);
        return 2;
    }
}
