using System.Collections.Concurrent;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;

namespace AvecSante.UnitTests.Alerts;

/// <summary>In-memory stand-ins with the real stores' contracts (claims are exactly-once, updates honour versions).</summary>
internal sealed class MemoryOutbox : IOutboxStore
{
    private readonly ConcurrentDictionary<string, OutboxMessage> _messages = new(StringComparer.Ordinal);
    private int _version;

    public IReadOnlyList<OutboxMessage> All => _messages.Values.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    public Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(_messages.TryAdd(message.Id, message with { Version = "v" + Interlocked.Increment(ref _version) }));

    public Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(All.Where(m => m.Status is OutboxStatus.Pending or OutboxStatus.Sending && m.NextAttemptAt <= now).ToList());

    public Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            if (!_messages.TryGetValue(message.Id, out var current) || (message.Version is not null && current.Version != message.Version))
            {
                return Task.FromResult<OutboxMessage?>(null);
            }
            var next = message with { Version = "v" + Interlocked.Increment(ref _version) };
            _messages[message.Id] = next;
            return Task.FromResult<OutboxMessage?>(next);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(All.Where(m => status is null || m.Status == status).ToList());

    public Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(All.Where(m => m.RecipientId == recipientId).ToList());

    public Task<int> ErasePersonalDataAsync(string recipientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => Task.FromResult(0);
}

internal sealed class MemoryPeople(params Person[] people) : IPeopleDirectory
{
    private readonly ConcurrentDictionary<string, Person> _people = new(people.ToDictionary(p => p.Id), StringComparer.Ordinal);

    public Task UpsertAsync(Person person, CancellationToken cancellationToken)
    {
        _people[person.Id] = person;
        return Task.CompletedTask;
    }

    public Task<Person?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_people.GetValueOrDefault(id));

    public Task<bool> SavePreferencesAsync(string id, AlertPreferences preferences, CancellationToken cancellationToken)
    {
        var found = _people.TryGetValue(id, out var person);
        if (found)
        {
            _people[id] = person! with { Preferences = preferences };
        }
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Person>> ListAlertRecipientsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>(_people.Values.Where(p => p.Preferences.AlertsEnabled).OrderBy(p => p.Id, StringComparer.Ordinal).ToList());
}

internal sealed class MemoryCalls(params CallForProjects[] calls) : ICallRepository
{
    public List<CallForProjects> Calls { get; } = [.. calls];

    public Task<bool> TryAddAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        if (Calls.Any(c => c.Id == call.Id))
        {
            return Task.FromResult(false);
        }
        Calls.Add(call);
        return Task.FromResult(true);
    }

    public Task<CallForProjects?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Calls.FirstOrDefault(c => c.Id == id));

    public Task<IReadOnlyList<CallForProjects>> ListAsync(CallFilter filter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallForProjects>>(Calls.Where(c => (filter.Status is null || c.Status == filter.Status) && filter.WithinBounds(c)).ToList());

    public Task<CallForProjects?> TryUpdateAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        Calls.RemoveAll(c => c.Id == call.Id);
        Calls.Add(call);
        return Task.FromResult<CallForProjects?>(call);
    }
}

internal sealed class MemoryState : IAlertStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }
}

internal static class AlertSamples
{
    public static readonly byte[] Key = "unit-test-link-signing-key-0123456789abcdef"u8.ToArray();

    public static SignedLinks Links(TimeProvider clock) => new(new LinkSettings(Key, new Uri("https://alertes.example.org/"), TimeSpan.FromDays(90)), clock);

    public static AlertRouting Routing(TimeProvider clock) => new(["avecsante-bretagne.example.org"], Links(clock));

    public static Person Coordinator(string id, string department = "29", params string[] themes) => new()
    {
        Id = id,
        FirstName = "Prénom" + id,
        LastName = "Exemple",
        Email = $"{id}@example.org",
        StructureKind = "MSP",
        Department = department,
        Preferences = new AlertPreferences { Themes = themes },
    };

    public static CallForProjects Call(string id, DateTimeOffset createdAt, DateTimeOffset deadline, string theme = "addictions") => new()
    {
        Id = id,
        Title = "Prévention des addictions en MSP (" + id + ")",
        Funder = "CPAM 29",
        Source = "manual",
        Url = new Uri("https://example.org/appels/" + id),
        Deadline = deadline,
        Themes = [theme],
        Departments = ["29"],
        CreatedAt = createdAt,
    };
}
