using System.Globalization;
using System.Text.Json;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Documents;

/// <summary>
/// The "Documents" table (ADR 0005). Every PartitionKey starts with the federation:
/// - record:  "{f}~doc", RowKey = document id — the truth (description, method fields, versions, deletion);
/// - index:   "{f}~theme~{code}", "{f}~year~{yyyy}", "{f}~dept~{code}", "{f}~structure~{digest of the folded name}",
///            RowKey = document id — a copy of what a listing shows, so listing by one of them is one partition query;
///            rewritten on every change, removed while the document is in the bin;
/// - claims:  "{f}~sha256", RowKey = SHA-256 of a stored file, DocumentId = its holder (duplicates are refused).
/// </summary>
public sealed class TableDocumentRepository(TableStore tables, IOptions<FederationOptions> federation) : IDocumentRepository
{
    public const string TableName = "Documents";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private string Federation => federation.Value.Id;

    public string RecordPartition => Federation + "~doc";

    private string ClaimPartition => Federation + "~sha256";

    public string ThemePartition(string theme) => $"{Federation}~theme~{theme}";

    public string YearPartition(int year) => $"{Federation}~year~{year.ToString(CultureInfo.InvariantCulture)}";

    public string DepartmentPartition(string department) => $"{Federation}~dept~{department}";

    public string StructurePartition(string structure) => $"{Federation}~structure~{StructureKey(structure)}";

    /// <summary>A structure is keyed on a digest of its folded name: « MSP des Trois-Rivières » = "msp des trois rivieres".</summary>
    public static string StructureKey(string structure) => StableKeys.Digest(TextFolding.Fold(structure), 16);

    public async Task<string> ClaimContentAsync(string sha256, string documentId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(ClaimPartition, sha256) { ["DocumentId"] = documentId }, cancellationToken).ConfigureAwait(false);
            return documentId;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            var claim = await table.GetEntityIfExistsAsync<TableEntity>(ClaimPartition, sha256, cancellationToken: cancellationToken).ConfigureAwait(false);
            // Released between our add and our read (a purge): try once more.
            return claim.HasValue ? claim.Value!.GetString("DocumentId") : await ClaimContentAsync(sha256, documentId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> TryTakeOverContentAsync(string sha256, string previousOwnerId, string documentId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var claim = await table.GetEntityIfExistsAsync<TableEntity>(ClaimPartition, sha256, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!claim.HasValue)
        {
            return await ClaimContentAsync(sha256, documentId, cancellationToken).ConfigureAwait(false) == documentId;
        }
        var entity = claim.Value!;
        if (entity.GetString("DocumentId") != previousOwnerId)
        {
            return false;
        }
        entity["DocumentId"] = documentId;
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex))
        {
            return false;
        }
    }

    public async Task<bool> TryAddAsync(LibraryDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToRecord(document), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            // Stored before; if that run stopped before its index rows, write them now (idempotent).
            if (await GetAsync(document.Id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                await WriteIndexAsync(table, stored, cancellationToken).ConfigureAwait(false);
            }
            return false;
        }
        await WriteIndexAsync(table, document, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<LibraryDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!StableKeys.IsSafe(id))
        {
            return null;
        }
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(RecordPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromRecord(found.Value!) : null;
    }

    public async Task<LibraryDocument?> TryUpdateAsync(LibraryDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var etag = document.Revision is null ? ETag.All : new ETag(document.Revision);
        Response response;
        try
        {
            response = await table.UpdateEntityAsync(ToRecord(document), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) || TableStore.IsNotFound(ex))
        {
            return null;
        }
        var updated = document with { Revision = response.Headers.ETag?.ToString() };
        await WriteIndexAsync(table, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var terms = SearchText.Terms(filter.Query);
        var result = new List<DocumentSummary>();
        await foreach (var entity in table.QueryAsync<TableEntity>(QueryFor(filter), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var summary = SummaryFrom(entity);
            if ((filter.Theme is null || summary.Themes.Contains(filter.Theme))
                && (terms.Count == 0 || SearchText.Matches(entity.GetString("SearchText") ?? string.Empty, terms)))
            {
                result.Add(summary);
            }
        }
        return result.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One partition per listing: the most selective index the filter names (theme, structure, department, year), or
    /// the records themselves; the other equality filters go to the server, themes and words are checked here.
    /// </summary>
    public string QueryFor(DocumentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string partition;
        var onRecords = filter.Deleted;
        if (filter.Deleted)
        {
            partition = RecordPartition;
        }
        else if (filter.Theme is { } theme)
        {
            partition = ThemePartition(theme);
        }
        else if (filter.Structure is { } structure)
        {
            partition = StructurePartition(structure);
        }
        else if (filter.Department is { } department)
        {
            partition = DepartmentPartition(department);
        }
        else if (filter.Year is { } year)
        {
            partition = YearPartition(year);
        }
        else
        {
            partition = RecordPartition;
            onRecords = true;
        }
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (onRecords)
        {
            query += " and " + TableClient.CreateQueryFilter($"Deleted eq {filter.Deleted}");
        }
        if (filter.Year is { } y)
        {
            query += " and " + TableClient.CreateQueryFilter($"Year eq {y}");
        }
        if (filter.Department is { } d)
        {
            query += " and " + TableClient.CreateQueryFilter($"Department eq {d}");
        }
        if (filter.Structure is { } s)
        {
            query += " and " + TableClient.CreateQueryFilter($"StructureKey eq {StructureKey(s)}");
        }
        if (filter.Kind is { } k)
        {
            query += " and " + TableClient.CreateQueryFilter($"Kind eq {k}");
        }
        return query;
    }

    public async Task<IReadOnlyList<LibraryDocument>> ListDeletedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {RecordPartition} and Deleted eq {true} and DeletedAt le {cutoff}");
        return await tables.QueryAsync(TableName, query, FromRecord, cancellationToken).ConfigureAwait(false);
    }

    public async Task PurgeAsync(LibraryDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        foreach (var partition in IndexPartitions(document))
        {
            await table.DeleteEntityAsync(partition, document.Id, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        foreach (var sha256 in document.Versions.Select(v => v.Sha256).Distinct(StringComparer.Ordinal))
        {
            var claim = await table.GetEntityIfExistsAsync<TableEntity>(ClaimPartition, sha256, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (claim.HasValue && claim.Value!.GetString("DocumentId") == document.Id)
            {
                await DeleteIgnoringChangeAsync(table, ClaimPartition, sha256, claim.Value.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
        // Last: while the record exists, a stopped purge is picked up again by the next run.
        await table.DeleteEntityAsync(RecordPartition, document.Id, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteIndexAsync(TableClient table, LibraryDocument document, CancellationToken cancellationToken)
    {
        foreach (var partition in IndexPartitions(document))
        {
            if (document.IsDeleted)
            {
                // DeleteEntity answers 204 for a row that is not there: removing is idempotent.
                await table.DeleteEntityAsync(partition, document.Id, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var row = new TableEntity(partition, document.Id);
                WriteSummary(row, document);
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public IReadOnlyList<string> IndexPartitions(LibraryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var d = document.Description;
        var partitions = d.Themes.Select(ThemePartition).ToList();
        if (d.Year is { } year)
        {
            partitions.Add(YearPartition(year));
        }
        if (d.Department is { } department)
        {
            partitions.Add(DepartmentPartition(department));
        }
        if (d.Structure is { } structure)
        {
            partitions.Add(StructurePartition(structure));
        }
        return partitions;
    }

    private static async Task DeleteIgnoringChangeAsync(TableClient table, string partition, string row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex))
        {
            // Taken over by a new upload of the same bytes meanwhile: it is theirs now.
        }
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);

    private TableEntity ToRecord(LibraryDocument document)
    {
        var d = document.Description;
        var entity = new TableEntity(RecordPartition, document.Id)
        {
            ["Context"] = d.Context,
            ["Story"] = d.Story,
            ["Obstacles"] = d.Obstacles,
            ["Levers"] = d.Levers,
            ["Transferability"] = d.Transferability,
            ["Versions"] = JsonSerializer.Serialize(document.Versions, JsonOptions),
            ["DeletedBy"] = document.DeletedBy,
            ["RestoredAt"] = document.RestoredAt,
            ["RestoredBy"] = document.RestoredBy,
        };
        WriteSummary(entity, document);
        return entity;
    }

    /// <summary>The columns records and index rows share: what a listing shows and filters on.</summary>
    private static void WriteSummary(TableEntity entity, LibraryDocument document)
    {
        var d = document.Description;
        var current = document.Current;
        entity["Title"] = d.Title;
        entity["Kind"] = d.Kind;
        entity["Structure"] = d.Structure;
        entity["StructureKey"] = d.Structure is null ? null : StructureKey(d.Structure);
        entity["Themes"] = Json.List(d.Themes);
        entity["Year"] = d.Year;
        entity["Department"] = d.Department;
        entity["Summary"] = d.Summary;
        entity["MethodFieldCount"] = d.MethodFieldCount;
        entity["SearchText"] = d.SearchableText;
        entity["VersionCount"] = document.Versions.Count;
        entity["ContentType"] = current.ContentType;
        entity["FileName"] = current.FileName;
        entity["Size"] = current.Size;
        entity["Sha256"] = current.Sha256;
        entity["CreatedAt"] = document.CreatedAt;
        entity["UpdatedAt"] = document.UpdatedAt;
        entity["Deleted"] = document.IsDeleted;
        entity["DeletedAt"] = document.DeletedAt;
    }

    private static DocumentSummary SummaryFrom(TableEntity e) => new()
    {
        Id = e.RowKey,
        Title = e.GetString("Title"),
        Kind = e.GetString("Kind"),
        Structure = e.GetString("Structure"),
        Themes = Json.List(e.GetString("Themes")),
        Year = e.GetInt32("Year"),
        Department = e.GetString("Department"),
        Summary = e.GetString("Summary"),
        MethodFieldCount = e.GetInt32("MethodFieldCount") ?? 0,
        VersionCount = e.GetInt32("VersionCount") ?? 1,
        ContentType = e.GetString("ContentType"),
        FileName = e.GetString("FileName"),
        Size = e.GetInt64("Size") ?? 0,
        Sha256 = e.GetString("Sha256"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        DeletedAt = e.GetDateTimeOffset("DeletedAt"),
    };

    private static LibraryDocument FromRecord(TableEntity e) => new()
    {
        Id = e.RowKey,
        Description = new DocumentDescription
        {
            Title = e.GetString("Title"),
            Kind = e.GetString("Kind"),
            Structure = e.GetString("Structure"),
            Themes = Json.List(e.GetString("Themes")),
            Year = e.GetInt32("Year"),
            Department = e.GetString("Department"),
            Summary = e.GetString("Summary"),
            Context = e.GetString("Context"),
            Story = e.GetString("Story"),
            Obstacles = e.GetString("Obstacles"),
            Levers = e.GetString("Levers"),
            Transferability = e.GetString("Transferability"),
        },
        Versions = JsonSerializer.Deserialize<List<DocumentVersion>>(e.GetString("Versions"), JsonOptions) ?? [],
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        DeletedAt = e.GetDateTimeOffset("DeletedAt"),
        DeletedBy = e.GetString("DeletedBy"),
        RestoredAt = e.GetDateTimeOffset("RestoredAt"),
        RestoredBy = e.GetString("RestoredBy"),
        Revision = e.ETag.ToString(),
    };
}
