using System.Collections.Concurrent;
using System.Text.Json;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Events: PartitionKey = federation, RowKey = event id (a point read). The form slugs an event sells through are claimed
/// in a second partition "{federation}~forms" (RowKey = slug → EventId), so routing a notification is one point read
/// and two events can never claim the same form. Routing results are kept a minute in memory (events are not edited;
/// a form of no event is never cached, so a new event routes at once).
/// </summary>
public sealed class TableEventRepository(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : IEventRepository
{
    public const string TableName = "Events";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Event Event, DateTimeOffset Until)> _bySlug = new(StringComparer.Ordinal);

    private string Partition => federation.Value.Id;

    private string FormsPartition => federation.Value.Id + "~forms";

    public async Task<(bool Created, string? SlugTakenBy)> TryAddAsync(Event value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var claimed = new List<string>();
        foreach (var slug in value.FormSlugs)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(FormsPartition, slug) { ["EventId"] = value.Id }, cancellationToken).ConfigureAwait(false);
                claimed.Add(slug);
            }
            catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
            {
                var owner = (await table.GetEntityAsync<TableEntity>(FormsPartition, slug, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.GetString("EventId");
                if (owner != value.Id)
                {
                    // Give back what this call claimed: the event is not created.
                    foreach (var mine in claimed)
                    {
                        await table.DeleteEntityAsync(FormsPartition, mine, ETag.All, cancellationToken).ConfigureAwait(false);
                    }
                    return (false, owner);
                }
            }
        }
        try
        {
            await table.AddEntityAsync(ToEntity(value), cancellationToken).ConfigureAwait(false);
            return (true, null);
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return (false, null);
        }
    }

    public async Task<Event?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<Event>> ListAsync(CancellationToken cancellationToken)
    {
        var events = await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), FromEntity, cancellationToken).ConfigureAwait(false);
        return events.OrderBy(e => e.StartsAt).ToList();
    }

    public async Task<Event?> FindByFormSlugAsync(string formSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formSlug);
        var slug = formSlug.Trim().ToLowerInvariant();
        if (!Core.Common.StableKeys.IsSafe(slug))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (_bySlug.TryGetValue(slug, out var cached) && cached.Until > now)
        {
            return cached.Event;
        }
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(FormsPartition, slug, cancellationToken: cancellationToken).ConfigureAwait(false);
        var value = found.HasValue ? await GetAsync(found.Value!.GetString("EventId"), cancellationToken).ConfigureAwait(false) : null;
        if (value is not null)
        {
            _bySlug[slug] = (value, now + CacheFor);
        }
        return value;
    }

    private TableEntity ToEntity(Event e) => new(Partition, e.Id)
    {
        ["Title"] = e.Title,
        ["Kind"] = e.Kind,
        ["StartsAt"] = e.StartsAt,
        ["EndsAt"] = e.EndsAt,
        ["Venue"] = e.Venue,
        ["Capacity"] = e.Capacity,
        ["FormSlugs"] = JsonSerializer.Serialize(e.FormSlugs),
        ["Prices"] = JsonSerializer.Serialize(e.Prices),
        ["CreatedAt"] = e.CreatedAt,
    };

    private static Event FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Title = e.GetString("Title"),
        Kind = e.GetString("Kind"),
        StartsAt = e.GetDateTimeOffset("StartsAt") ?? default,
        EndsAt = e.GetDateTimeOffset("EndsAt") ?? default,
        Venue = e.GetString("Venue"),
        Capacity = e.GetInt32("Capacity"),
        FormSlugs = JsonSerializer.Deserialize<List<string>>(e.GetString("FormSlugs") ?? "[]") ?? [],
        Prices = JsonSerializer.Deserialize<List<EventPrice>>(e.GetString("Prices") ?? "[]") ?? [],
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
    };
}
