using System.Globalization;
using AvecSante.Core.Members;
using AvecSante.Core.People;
using AvecSante.Infrastructure.Members;
using Azure;
using Azure.Data.Tables;

namespace AvecSante.Infrastructure.Tables;

/// <summary>The member file's side of the People table: its extra columns, listing, ETag updates and erasure.</summary>
public sealed partial class TablePeopleDirectory : IPeopleRegister
{
    public async Task<IReadOnlyList<Person>> ListAllAsync(CancellationToken cancellationToken)
    {
        return await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), FromEntity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryAddAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(person), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task<Person?> TryUpdateAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = person.Version is null ? ETag.All : new ETag(person.Version);
            var response = await table.UpdateEntityAsync(ToEntity(person), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return person with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex) || TableStore.IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task SaveAllAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await TableBatches.SaveAsync(table, people.Select(p =>
        {
            var entity = ToEntity(p);
            entity.ETag = TableBatches.ToETag(p.Version);
            return entity;
        }), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
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
