using System.Globalization;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>MemberStructures: PartitionKey = federation, RowKey = structure id. ~200 rows: every search is one partition query.</summary>
public sealed class TableStructureRepository(TableStore tables, IOptions<FederationOptions> federation) : IStructureRepository
{
    public const string TableName = "MemberStructures";

    private string Partition => federation.Value.Id;

    public async Task<IReadOnlyList<MemberStructure>> ListAsync(CancellationToken cancellationToken)
    {
        return await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), FromEntity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MemberStructure?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<bool> TryAddAsync(MemberStructure structure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(structure), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task<MemberStructure?> TryUpdateAsync(MemberStructure structure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = structure.Version is null ? ETag.All : new ETag(structure.Version);
            var response = await table.UpdateEntityAsync(ToEntity(structure), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return structure with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) || TableStore.IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task SaveAllAsync(IReadOnlyList<MemberStructure> structures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structures);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await TableBatches.SaveAsync(table, structures.Select(s =>
        {
            var e = ToEntity(s);
            e.ETag = TableBatches.ToETag(s.Version);
            return e;
        }), cancellationToken).ConfigureAwait(false);
    }

    private TableEntity ToEntity(MemberStructure s) => new(Partition, s.Id)
    {
        ["Kind"] = s.Kind,
        ["Name"] = s.Name,
        ["Department"] = s.Department,
        ["Commune"] = s.Commune,
        ["Siret"] = s.Siret,
        ["Finess"] = s.Finess,
        ["AciSignatory"] = s.AciSignatory,
        ["Sisa"] = s.Sisa,
        ["JoinedOn"] = Date(s.JoinedOn),
        ["LeftOn"] = Date(s.LeftOn),
        ["CreatedAt"] = s.CreatedAt,
        ["UpdatedAt"] = s.UpdatedAt,
    };

    private static MemberStructure FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Kind = e.GetString("Kind"),
        Name = e.GetString("Name"),
        Department = e.GetString("Department"),
        Commune = e.GetString("Commune"),
        Siret = e.GetString("Siret"),
        Finess = e.GetString("Finess"),
        AciSignatory = e.GetBoolean("AciSignatory") ?? false,
        Sisa = e.GetBoolean("Sisa") ?? false,
        JoinedOn = Date(e.GetString("JoinedOn")),
        LeftOn = Date(e.GetString("LeftOn")),
        CreatedAt = e.GetDateTimeOffset("CreatedAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        Version = e.ETag.ToString(),
    };

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly? Date(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
