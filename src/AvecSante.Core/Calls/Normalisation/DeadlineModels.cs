namespace AvecSante.Core.Calls.Normalisation;

/// <summary>What a dated phrase is for.</summary>
public enum DateRole
{
    /// <summary>A closing date for applications (or one session of them).</summary>
    Final,

    /// <summary>A step before the final one: letter of intent, pre-registration, webinar, information session, first contact.</summary>
    Intermediate,

    /// <summary>The opening of the call, a publication or update date.</summary>
    Opening,

    /// <summary>Any other date: a law, a committee, the period of the funded action, results.</summary>
    Other,
}

/// <summary>Context that helps read dates: publication (for missing years), the source's structured date, now.</summary>
public sealed record DeadlineHints
{
    /// <summary>When the call was published; a date without a year is the next occurrence after it.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The year in the call's own name ("AAP2024", "appel à projets 2025"): the year of dates given without one.</summary>
    public int? CallYear { get; init; }

    /// <summary>A date a source gave in a structured field, checked against the text.</summary>
    public DateOnly? StructuredDate { get; init; }

    /// <summary>"Now": with several sessions the deadline is the next one after this instant.</summary>
    public DateTimeOffset? Reference { get; init; }

    /// <summary>With per-department deadlines, the department (22, 29, 35, 56) whose date is wanted.</summary>
    public string? Department { get; init; }
}

/// <summary>One dated phrase of the text, read in Europe/Paris.</summary>
public sealed record DatedPhrase
{
    public required DateOnly Date { get; init; }

    /// <summary>The time the text gave; null when it gave none (the instant is then 23:59).</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The Paris instant: the time given, or the end of the day (23:59).</summary>
    public required DateTimeOffset Instant { get; init; }

    public required DateRole Role { get; init; }

    /// <summary>The phrase the date came from, as written (spaces normalised).</summary>
    public required string Evidence { get; init; }

    /// <summary>How strongly the wording marks a closing date (5 "date limite", 4 "jusqu'au", 3 "avant"…).</summary>
    public int Strength { get; init; }

    /// <summary>The text marks it as one of several sessions or waves.</summary>
    public bool IsSession { get; init; }

    /// <summary>The department the date applies to, when the text gives one per department.</summary>
    public string? Department { get; init; }

    /// <summary>The text gave no year; it was inferred.</summary>
    public bool YearInferred { get; init; }
}

/// <summary>The deadline read from a call's text, with its evidence and what else the text said.</summary>
public sealed record DeadlineResult
{
    /// <summary>The closing instant in Europe/Paris; null when the text gives none (rolling calls included).</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The phrase of the text the deadline came from.</summary>
    public string? Evidence { get; init; }

    /// <summary>False when the text gave a date without a time (the deadline is then 23:59 that day).</summary>
    public bool HasExplicitTime { get; init; }

    /// <summary>Every closing date the text gives (sessions, waves, departments), one per date, in date order.</summary>
    public IReadOnlyList<DatedPhrase> Sessions { get; init; } = [];

    /// <summary>Steps before the deadline (letter of intent, pre-registration, webinar…).</summary>
    public IReadOnlyList<DatedPhrase> Intermediate { get; init; } = [];

    /// <summary>Applications are taken at any time ("au fil de l'eau", "toute l'année"): no deadline.</summary>
    public bool IsRolling { get; init; }

    public string? RollingEvidence { get; init; }

    /// <summary>The structured date the source gave, if any.</summary>
    public DateOnly? StructuredDate { get; init; }

    /// <summary>Why the structured date was not kept (in French, for staff); null when it agrees or is absent.</summary>
    public string? Disagreement { get; init; }

    public static DeadlineResult None { get; } = new();
}
