namespace AvecSante.Core.Calls;

public enum CallStatus
{
    Open,
    Closed,

    /// <summary>"À vérifier": the reader is unsure of its deadline or funder; it alerts nobody until staff confirm it.</summary>
    ToReview,
}

/// <summary>One call for projects (appel à projets, à candidatures, AMI) as coordinators see it.</summary>
public sealed record CallForProjects
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Funder { get; init; }

    public Uri? Url { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>The closing instant; null for rolling calls ("au fil de l'eau").</summary>
    public DateTimeOffset? Deadline { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>22, 29, 35, 56, "regional" or "national".</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Eligible structure kinds; empty means the call does not restrict them.</summary>
    public IReadOnlyList<string> StructureKinds { get; init; } = [];

    public string? Summary { get; init; }

    public CallStatus Status { get; init; } = CallStatus.Open;

    /// <summary>Where the record came from: "manual", or a source name.</summary>
    public required string Source { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>appel-a-projets, appel-a-candidatures or ami (appel à manifestation d'intérêt).</summary>
    public string Kind { get; init; } = "appel-a-projets";

    /// <summary>The phrase of the call's text the deadline was read from ("jusqu'au vendredi 9 janvier 2026 à 18h").</summary>
    public string? DeadlineEvidence { get; init; }

    /// <summary>Why a source's structured date was not kept, when the text said otherwise (French, for staff).</summary>
    public string? DeadlineNote { get; init; }

    /// <summary>A rolling call ("au fil de l'eau", "toute l'année"): no deadline on purpose.</summary>
    public bool IsRolling { get; init; }

    /// <summary>Other closing dates of the text: sessions, waves, per-department dates (Paris instants).</summary>
    public IReadOnlyList<DateTimeOffset> OtherDeadlines { get; init; } = [];

    /// <summary>The amount stated for this call, in euros, when the text gives one.</summary>
    public decimal? AmountEuros { get; init; }

    /// <summary>Every source that mentioned this call (one record per call, however many sources).</summary>
    public IReadOnlyList<CallSighting> Sightings { get; init; } = [];

    /// <summary>What changed in the call since it was first seen, oldest first.</summary>
    public IReadOnlyList<CallChange> History { get; init; } = [];

    /// <summary>What sources below the call's originating source said and were not believed (<see cref="SourceTrust"/>).</summary>
    public IReadOnlyList<CallDisagreement> Disagreements { get; init; } = [];

    /// <summary>Why the call is (or was) held "à vérifier", in French, for staff.</summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];

    /// <summary>Fields a staff member confirmed or corrected (<see cref="ReviewedFields"/>): no later ingestion changes them.</summary>
    public IReadOnlyList<string> ConfirmedFields { get; init; } = [];

    /// <summary>When a staff member confirmed or corrected the call; null while nobody has.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>When a staff member cancelled the call: it stays closed whatever a source says later.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag); null before it is stored.</summary>
    public string? Version { get; init; }
}

/// <summary>A source that mentioned a call, and where.</summary>
public sealed record CallSighting(string Source, string? Url, DateTimeOffset FirstSeenAt);

/// <summary>One change of a known call: deadline moved, status changed, substance rewritten.</summary>
public sealed record CallChange(DateTimeOffset At, string Field, string? From, string? To, string Source);

/// <summary>A lower-trust source said otherwise about a field of the call: <c>Theirs</c> was not kept, <c>Kept</c> was.</summary>
public sealed record CallDisagreement(DateTimeOffset At, string Source, string Field, string? Theirs, string? Kept);

/// <summary>The fields a review confirms or corrects (the names <see cref="CallForProjects.ConfirmedFields"/> holds).</summary>
public static class ReviewedFields
{
    /// <summary>The deadline, its evidence and whether the call is rolling.</summary>
    public const string Deadline = "deadline";

    public const string Funder = "funder";

    /// <summary>The title, once a staff member corrected it.</summary>
    public const string Title = "title";
}
