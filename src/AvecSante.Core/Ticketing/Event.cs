namespace AvecSante.Core.Ticketing;

/// <summary>The kinds of days the federation organises (DOMAIN.md): codes are stable, labels are what people read.</summary>
public static class EventKinds
{
    public const string JourneeRegionale = "journee-regionale";
    public const string BienDansMesBaskets = "bien-dans-mes-baskets";
    public const string BienDansMaMsp = "bien-dans-ma-msp";
    public const string JourneeCoordinateurs = "journee-coordinateurs";
    public const string Autre = "autre";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [JourneeRegionale] = "Journée régionale",
        [BienDansMesBaskets] = "Journée « Bien dans mes baskets »",
        [BienDansMaMsp] = "Journée « Bien dans ma MSP »",
        [JourneeCoordinateurs] = "Journée de la communauté des coordinateurs",
        [Autre] = "Autre événement",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;
}

/// <summary>A price of the event as the ticketing form sells it (cents, as HelloAsso counts).</summary>
public sealed record EventPrice(string Label, long AmountCents);

/// <summary>
/// A day the federation organises. Start and end are instants (stored UTC, shown in Paris time); the ticketing forms it
/// sells through are named by their slug, which routes each notification to it.
/// </summary>
public sealed record Event
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public string? Venue { get; init; }

    /// <summary>Seats; null means no limit (no waitlist).</summary>
    public int? Capacity { get; init; }

    public IReadOnlyList<string> FormSlugs { get; init; } = [];

    public IReadOnlyList<EventPrice> Prices { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a staff member posts to create an event. Times are Paris wall-clock ("2027-03-18T09:30") unless an offset is given.</summary>
public sealed record EventSubmission
{
    public string? Title { get; init; }

    public string? Kind { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? Venue { get; init; }

    public int? Capacity { get; init; }

    public IReadOnlyList<string>? FormSlugs { get; init; }

    public IReadOnlyList<EventPrice>? Prices { get; init; }
}

public interface IEventRepository
{
    /// <summary>
    /// Stores a new event and claims its form slugs. Created = false when the same event existed already;
    /// SlugTakenBy names the event that already sells through one of the slugs (nothing is stored then).
    /// </summary>
    Task<(bool Created, string? SlugTakenBy)> TryAddAsync(Event value, CancellationToken cancellationToken);

    Task<Event?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Event>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The event a ticketing form sells, by the form's slug; null when no event claims it.</summary>
    Task<Event?> FindByFormSlugAsync(string formSlug, CancellationToken cancellationToken);
}
