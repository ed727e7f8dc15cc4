using System.Globalization;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;

namespace AvecSante.Infrastructure.Members;

/// <summary>The member file's side of the People table: its extra columns, listing, ETag updates and erasure.</summary>
public sealed partial class TablePeopleDirectory : IPeopleRegister
{
    // Each address of a person is claimed by a row beside them (RowKey "~email~" + digest of the address), written in the
    // same transaction as the person: two people created at the same moment cannot take one address. "~" sorts after
    // every person id, so listing people reads the rows before it.
    private const string ClaimPrefix = "~email~";

    public async Task<IReadOnlyList<Person>> ListAllAsync(CancellationToken cancellationToken)
    {
        return await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {"~"}"), FromEntity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>False when the id or one of the person's addresses is taken already.</summary>
    public async Task<bool> TryAddAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.SubmitTransactionAsync(Write(person, held: [], reclaim: false), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// Null when the person changed meanwhile (412), or when another person took one of the new addresses meanwhile:
    /// reading them again shows the other person.
    /// </summary>
    public async Task<Person?> TryUpdateAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var held = await ClaimsOfAsync(person.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.SubmitTransactionAsync(Write(person, held, reclaim: false), cancellationToken).ConfigureAwait(false);
            return person with { Version = response.Value[0].Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) || TableStore.IsNotFound(ex) || TableStore.IsConflict(ex))
        {
            return null;
        }
    }

    /// <summary>The import's writes: the importer has checked every address against the whole file, so its claims replace any other.</summary>
    public async Task SaveAllAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var held = (await ClaimsOfAsync(null, cancellationToken).ConfigureAwait(false)).ToLookup(c => c.GetString("PersonId"), StringComparer.Ordinal);
        var batch = new List<TableTransactionAction>();
        foreach (var person in people)
        {
            var actions = Write(person, held[person.Id].ToList(), reclaim: true);
            if (batch.Count + actions.Count > TableBatches.MaxBatch)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
                batch = [];
            }
            batch.AddRange(actions);
        }
        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the person and their address claims for good (GDPR erasure). False when there was no person.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var claim in await ClaimsOfAsync(id, cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        var response = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// One transaction's actions for a person: the row (added without a version, replaced under it otherwise), a claim
    /// for each address not held yet (added, so a taken address fails the whole write; or replaced when
    /// <paramref name="reclaim"/>), and the release of the addresses the person no longer has.
    /// </summary>
    private List<TableTransactionAction> Write(Person person, IReadOnlyCollection<TableEntity> held, bool reclaim)
    {
        var row = ToEntity(person);
        var actions = new List<TableTransactionAction>
        {
            person.Version is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, new ETag(person.Version)),
        };
        var wanted = new[] { person.Email }.Concat(person.OtherEmails)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => ClaimPrefix + StableKeys.Digest("email|" + a!.Trim().ToLowerInvariant()))
            .ToHashSet(StringComparer.Ordinal);
        var heldKeys = held.Select(c => c.RowKey).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(wanted.Where(k => !heldKeys.Contains(k)).Select(k => new TableTransactionAction(
            reclaim ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add,
            new TableEntity(Partition, k) { ["PersonId"] = person.Id })));
        actions.AddRange(held.Where(c => !wanted.Contains(c.RowKey)).Select(c => new TableTransactionAction(TableTransactionActionType.Delete, c, ETag.All)));
        return actions;
    }

    /// <summary>The address claims of one person, or of everyone when <paramref name="personId"/> is null.</summary>
    private async Task<IReadOnlyList<TableEntity>> ClaimsOfAsync(string? personId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {ClaimPrefix} and RowKey lt {ClaimPrefix + "~"}");
        if (personId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PersonId eq {personId}");
        }
        return await tables.QueryAsync(TableName, filter, e => e, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity WithMemberColumns(Person p, TableEntity e)
    {
        e["OtherEmails"] = Json.List(p.OtherEmails);
        e["Phone"] = p.Phone;
        e["Profession"] = p.Profession;
        e["BoardCollege"] = p.BoardCollege;
        e["StructureIds"] = Json.List(p.StructureIds);
        e["LastContactOn"] = p.LastContactOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        e["CreatedAt"] = p.CreatedAt;
        e["UpdatedAt"] = p.UpdatedAt;
        return e;
    }

    private static Person WithMemberFields(TableEntity e, Person p) => p with
    {
        OtherEmails = Json.List(e.GetString("OtherEmails")),
        Phone = e.GetString("Phone"),
        Profession = e.GetString("Profession"),
        BoardCollege = e.GetInt32("BoardCollege"),
        StructureIds = Json.List(e.GetString("StructureIds")),
        LastContactOn = e.GetString("LastContactOn") is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        CreatedAt = e.GetDateTimeOffset("CreatedAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        Version = e.ETag == default ? null : e.ETag.ToString(),
    };
}
