using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Members;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Finds an attendee among the people of the directory by email, case-insensitive, then by name and structure
/// (<see cref="AttendeeNameMatching"/>). The People partition holds a few hundred rows: one projected query (id, email,
/// names, structure) builds both indexes, kept a minute in memory (so a burst of notifications costs one query), then
/// the person is read through IPeopleDirectory.
/// </summary>
public sealed class TableAttendeeMatcher(TableStore tables, IPeopleDirectory people, IOptions<FederationOptions> federation, TimeProvider clock) : IAttendeeMatcher
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private volatile Index? _index;

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        return index.IdsByEmail.TryGetValue(email.Trim(), out var id)
            ? await people.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public async Task<Person?> FindByNameAsync(string? firstName, string? lastName, IReadOnlyCollection<string> structureHints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structureHints);
        if (AttendeeNameMatching.NameKey(firstName, lastName) is not { } key)
        {
            return null;
        }
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        return index.ByName.TryGetValue(key, out var sameName) && AttendeeNameMatching.Pick(sameName, structureHints) is { } id
            ? await people.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<Index> IndexAsync(CancellationToken cancellationToken)
    {
        var index = _index;
        if (index is null || index.Until <= clock.GetUtcNow())
        {
            index = await LoadAsync(cancellationToken).ConfigureAwait(false);
            _index = index;
        }
        return index;
    }

    private async Task<Index> LoadAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TablePeopleDirectory.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {federation.Value.Id}");
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, List<NameCandidate>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Email", "FirstName", "LastName", "StructureName"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Email")?.Trim() is { Length: > 0 } address)
            {
                ids.TryAdd(address, row.RowKey);
            }
            var (first, last) = (row.GetString("FirstName"), row.GetString("LastName"));
            if (AttendeeNameMatching.NameKey(first, last) is { } key)
            {
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = [];
                }
                list.Add(new NameCandidate(row.RowKey, first, last, row.GetString("StructureName")));
            }
        }
        return new Index(ids, byName, clock.GetUtcNow() + CacheFor);
    }

    private sealed record Index(Dictionary<string, string> IdsByEmail, Dictionary<string, List<NameCandidate>> ByName, DateTimeOffset Until);
}
