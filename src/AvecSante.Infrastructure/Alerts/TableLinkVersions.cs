using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Link versions in table "LinkVersions": partition "{federation}", RowKey the subject id; one point read per link
/// used. A bump adds the row (409 = someone else did: read again) or replaces it under its ETag (412 = read again).
/// Kept apart from the member file so that no import or edit of a person can reset it.
/// </summary>
public sealed class TableLinkVersions(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : ILinkVersions
{
    public const string TableName = "LinkVersions";

    private const int MaxAttempts = 10;

    public async Task<LinkVersion?> GetAsync(string subjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(federation.Value.Id, subjectId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? From(found.Value!) : null;
    }

    public async Task<LinkVersion> BumpAsync(string subjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(federation.Value.Id, subjectId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = new LinkVersion((found.HasValue ? From(found.Value!).Number : 0) + 1, clock.GetUtcNow());
            var entity = new TableEntity(federation.Value.Id, subjectId) { ["Number"] = next.Number, ["ValidFrom"] = next.ValidFrom };
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                return next;
            }
            catch (RequestFailedException ex) when (TableStore.IsConflict(ex) || TableStore.IsPreconditionFailed(ex))
            {
                // Bumped concurrently: read the new version and bump past it.
            }
        }
        throw new InvalidOperationException($"Link version of {subjectId}: too much contention.");
    }

    private static LinkVersion From(TableEntity e) => new(e.GetInt32("Number") ?? 0, e.GetDateTimeOffset("ValidFrom") ?? DateTimeOffset.MinValue);
}
