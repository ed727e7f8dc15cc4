using Azure.Data.Tables;
using AvecSante.Core.People;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Finds an attendee among the people of the directory by email, case-insensitive. The People partition holds a few
/// hundred rows: one projected query (id and email only) builds an index kept a minute in memory (so a burst of
/// notifications costs one query), then the person is read through IPeopleDirectory.
/// </summary>
public sealed class TableAttendeeMatcher(TableStore tables, IPeopleDirectory people, IOptions<FederationOptions> federation, TimeProvider clock) : IAttendeeMatcher
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private volatile Index? _index;

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var index = _index;
        if (index is null || index.Until <= clock.GetUtcNow())
        {
            index = await LoadAsync(cancellationToken).ConfigureAwait(false);
            _index = index;
        }
        return index.IdsByEmail.TryGetValue(email.Trim(), out var id)
            ? await people.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<Index> LoadAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TablePeopleDirectory.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {federation.Value.Id}");
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Email"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Email")?.Trim() is { Length: > 0 } address)
            {
                ids.TryAdd(address, row.RowKey);
            }
        }
        return new Index(ids, clock.GetUtcNow() + CacheFor);
    }

    private sealed record Index(Dictionary<string, string> IdsByEmail, DateTimeOffset Until);
}
