using System.Text.Json;
using AvecSante.Core.Calls;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>Calls: PartitionKey = federation, RowKey = call id (a point read for GET calls/{id}).</summary>
public sealed class TableCallRepository(TableStore tables, IOptions<FederationOptions> federation) : ICallRepository
{
    public const string TableName = "Calls";

    /// <summary>The columns a list shows or filters on (see <see cref="ListListingsAsync"/>).</summary>
    private static readonly string[] ListingColumns = ["RowKey", "Title", "Funder", "Deadline", "Themes", "Departments", "StructureKinds", "Status", "CreatedAt"];

    private readonly TableCallListings _listings = new();

    private string Partition => federation.Value.Id;

    public async Task<bool> TryAddAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(call), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task<CallForProjects?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<CallForProjects>> ListAsync(CallFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var result = new List<CallForProjects>();
        await foreach (var entity in table.QueryAsync<TableEntity>(ServerFilter(filter), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var call = FromEntity(entity);
            if (Keeps(filter, call))
            {
                result.Add(call);
            }
        }
        return result.OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>
    /// The same calls in the same order as <see cref="ListAsync"/> (nearest deadline, then the table's key order), from
    /// the listed columns kept in memory and refreshed by the rows changed since the last read.
    /// </summary>
    public async Task<IReadOnlyList<CallListing>> ListListingsAsync(CallFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var all = await _listings.ReadAsync(table, Partition, ListingColumns, ListingFromEntity, cancellationToken).ConfigureAwait(false);
        return all
            .Where(c => (filter.Status is null || c.Status == filter.Status) && Keeps(filter, c))
            .OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(CallListing.From)
            .ToList();
    }

    private static bool Keeps(CallFilter filter, CallForProjects call) =>
        filter.WithinBounds(call)
        && (filter.Theme is null || call.Themes.Contains(filter.Theme))
        && (filter.Department is null || call.Departments.Any(d => Core.Common.Departments.Covers(d, filter.Department)))
        && (filter.Funder is null || call.Funder.Contains(filter.Funder, StringComparison.OrdinalIgnoreCase))
        && (filter.StructureKind is null || call.StructureKinds.Count == 0 || call.StructureKinds.Contains(filter.StructureKind));

    /// <summary>Only what a list filters on and shows is filled in: such a call is never written back.</summary>
    private static CallForProjects ListingFromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Title = e.GetString("Title"),
        Funder = e.GetString("Funder"),
        Deadline = e.GetDateTimeOffset("Deadline"),
        Themes = Json.List(e.GetString("Themes")),
        Departments = Json.List(e.GetString("Departments")),
        StructureKinds = Json.List(e.GetString("StructureKinds")),
        Status = Enum.Parse<CallStatus>(e.GetString("Status")),
        Source = string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
    };

    /// <summary>
    /// The part of a filter the table evaluates: status and the deadline and reception bounds (one partition, so the rows
    /// are still scanned by the service, but only the matching ones travel and are read). Themes, departments and kinds
    /// are JSON lists and the funder a substring: those are kept or not here.
    /// </summary>
    private string ServerFilter(CallFilter filter)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {Partition}") };
        if (filter.Status is { } status)
        {
            parts.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }
        if (filter.DeadlineFrom is { } deadlineFrom)
        {
            parts.Add(TableClient.CreateQueryFilter($"Deadline ge {deadlineFrom}"));
        }
        if (filter.DeadlineTo is { } deadlineTo)
        {
            parts.Add(TableClient.CreateQueryFilter($"Deadline le {deadlineTo}"));
        }
        if (filter.CreatedFrom is { } createdFrom)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt ge {createdFrom}"));
        }
        return string.Join(" and ", parts);
    }

    /// <summary>One partition query; the publication dates (ISO strings) and the reception instants are filtered on the server.</summary>
    public async Task<IReadOnlyList<CallForProjects>> ListPublishedBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var fromText = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var toText = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var fromInstant = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var toInstant = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var query = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and ((PublishedOn ge {fromText} and PublishedOn le {toText}) or (CreatedAt ge {fromInstant} and CreatedAt lt {toInstant}))");
        var result = new List<CallForProjects>();
        await foreach (var entity in table.QueryAsync<TableEntity>(query, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var call = FromEntity(entity);
            // A call received in the range but published outside it belongs to its publication year.
            if (call.PublishedOn is not { } published || (published >= from && published <= to))
            {
                result.Add(call);
            }
        }
        return result;
    }

    public async Task<CallForProjects?> TryUpdateAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var etag = call.Version is null ? ETag.All : new ETag(call.Version);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(call), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return call with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex))
        {
            return null;
        }
    }

    private TableEntity ToEntity(CallForProjects call) => new(Partition, call.Id)
    {
        ["Title"] = call.Title,
        ["Funder"] = call.Funder,
        ["Url"] = call.Url?.ToString(),
        ["PublishedOn"] = call.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Deadline"] = call.Deadline,
        ["Themes"] = Json.List(call.Themes),
        ["Departments"] = Json.List(call.Departments),
        ["StructureKinds"] = Json.List(call.StructureKinds),
        ["Summary"] = call.Summary,
        ["Status"] = call.Status.ToString(),
        ["Source"] = call.Source,
        ["CreatedAt"] = call.CreatedAt,
        ["Kind"] = call.Kind,
        ["DeadlineEvidence"] = call.DeadlineEvidence,
        ["DeadlineNote"] = call.DeadlineNote,
        ["IsRolling"] = call.IsRolling,
        ["OtherDeadlines"] = JsonSerializer.Serialize(call.OtherDeadlines),
        ["AmountEuros"] = call.AmountEuros is { } amount ? (double)amount : null,
        ["Sightings"] = JsonSerializer.Serialize(call.Sightings),
        ["History"] = JsonSerializer.Serialize(call.History),
        ["Disagreements"] = call.Disagreements.Count > 0 ? JsonSerializer.Serialize(call.Disagreements) : null,
        ["ReviewReasons"] = call.ReviewReasons.Count > 0 ? Json.List(call.ReviewReasons) : null,
        ["ConfirmedFields"] = call.ConfirmedFields.Count > 0 ? Json.List(call.ConfirmedFields) : null,
        ["ReviewedAt"] = call.ReviewedAt,
        ["CancelledAt"] = call.CancelledAt,
        ["UpdatedAt"] = call.UpdatedAt,
    };

    private static CallForProjects FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Title = e.GetString("Title"),
        Funder = e.GetString("Funder"),
        Url = e.GetString("Url") is { } url ? new Uri(url) : null,
        PublishedOn = e.GetString("PublishedOn") is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        Deadline = e.GetDateTimeOffset("Deadline"),
        Themes = Json.List(e.GetString("Themes")),
        Departments = Json.List(e.GetString("Departments")),
        StructureKinds = Json.List(e.GetString("StructureKinds")),
        Summary = e.GetString("Summary"),
        Status = Enum.Parse<CallStatus>(e.GetString("Status")),
        Source = e.GetString("Source"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        Kind = e.GetString("Kind") ?? "appel-a-projets",
        DeadlineEvidence = e.GetString("DeadlineEvidence"),
        DeadlineNote = e.GetString("DeadlineNote"),
        IsRolling = e.GetBoolean("IsRolling") ?? false,
        OtherDeadlines = Read<List<DateTimeOffset>>(e, "OtherDeadlines") ?? [],
        AmountEuros = e.GetDouble("AmountEuros") is { } amount ? (decimal)amount : null,
        Sightings = Read<List<CallSighting>>(e, "Sightings") ?? [],
        History = Read<List<CallChange>>(e, "History") ?? [],
        Disagreements = Read<List<CallDisagreement>>(e, "Disagreements") ?? [],
        ReviewReasons = Json.List(e.GetString("ReviewReasons")),
        ConfirmedFields = Json.List(e.GetString("ConfirmedFields")),
        ReviewedAt = e.GetDateTimeOffset("ReviewedAt"),
        CancelledAt = e.GetDateTimeOffset("CancelledAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        Version = e.ETag.ToString(),
    };

    private static T? Read<T>(TableEntity entity, string column)
        where T : class =>
        entity.GetString(column) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json) : null;
}
