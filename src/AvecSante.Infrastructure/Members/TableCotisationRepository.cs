using System.Globalization;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>
/// Cotisations: PartitionKey = federation, RowKey = "{structureId}~{year}": a point read per structure and year, a
/// row-key range per structure, one partition query for the statuses of all (a few thousand rows over the years), or
/// for the recent years only (the Year property filtered by the service).
/// Amounts are stored as invariant decimal strings (Tables has no decimal type).
/// </summary>
public sealed class TableCotisationRepository(TableStore tables, IOptions<FederationOptions> federation) : ICotisationRepository
{
    public const string TableName = "Cotisations";

    private string Partition => federation.Value.Id;

    public async Task<IReadOnlyList<Cotisation>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Cotisation>> ListForStructureAsync(string structureId, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {structureId + "~0000"} and RowKey le {structureId + "~9999"}"), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Cotisation>> ListFromYearAsync(int firstYear, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Year ge {firstYear}"), cancellationToken).ConfigureAwait(false);

    public async Task<bool> TrySaveAsync(Cotisation cotisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cotisation);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            if (cotisation.Version is null)
            {
                await table.AddEntityAsync(ToEntity(cotisation), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(ToEntity(cotisation), new ETag(cotisation.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex) || TableStore.IsPreconditionFailed(ex))
        {
            return false;
        }
    }

    public async Task SaveAllAsync(IReadOnlyList<Cotisation> cotisations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cotisations);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await TableBatches.SaveAsync(table, cotisations.Select(c =>
        {
            var e = ToEntity(c);
            e.ETag = TableBatches.ToETag(c.Version);
            return e;
        }), cancellationToken).ConfigureAwait(false);
    }

    private Task<List<Cotisation>> QueryAsync(string filter, CancellationToken cancellationToken) =>
        tables.QueryAsync(TableName, filter, FromEntity, cancellationToken);

    private TableEntity ToEntity(Cotisation c) => new(Partition, $"{c.StructureId}~{c.Year.ToString("D4", CultureInfo.InvariantCulture)}")
    {
        ["StructureId"] = c.StructureId,
        ["Year"] = c.Year,
        ["Amount"] = c.Amount.ToString(CultureInfo.InvariantCulture),
        ["PaidOn"] = TableStructureRepository.Date(c.PaidOn),
        ["Method"] = c.Method,
        ["NationalShare"] = c.NationalShare?.ToString(CultureInfo.InvariantCulture),
        ["RecordedAt"] = c.RecordedAt,
    };

    private static Cotisation FromEntity(TableEntity e) => new()
    {
        StructureId = e.GetString("StructureId"),
        Year = e.GetInt32("Year") ?? 0,
        Amount = decimal.Parse(e.GetString("Amount"), CultureInfo.InvariantCulture),
        PaidOn = TableStructureRepository.Date(e.GetString("PaidOn")),
        Method = e.GetString("Method"),
        NationalShare = e.GetString("NationalShare") is { Length: > 0 } share ? decimal.Parse(share, CultureInfo.InvariantCulture) : null,
        RecordedAt = e.GetDateTimeOffset("RecordedAt"),
        Version = e.ETag.ToString(),
    };
}
