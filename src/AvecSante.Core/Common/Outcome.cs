namespace AvecSante.Core.Common;

/// <summary>What a use case did, in every capability: each kind is one HTTP status and one page message.</summary>
public enum OutcomeKind
{
    /// <summary>Read, changed or confirmed as asked.</summary>
    Done,
    Created,

    /// <summary>Nothing to change: the record says this already.</summary>
    Unchanged,
    NotFound,
    Invalid,

    /// <summary>
    /// Refused in the record's present state, or a duplicate (<see cref="Outcome{T}.ConflictWith"/> then names the
    /// record that holds the place).
    /// </summary>
    Conflict,

    /// <summary>Someone changed the record since it was read (If-Match or ETag).</summary>
    Stale,
    TooLarge,
    UnsupportedType,

    /// <summary>Too late: the period for this operation is over.</summary>
    Gone,
}

/// <summary>The value a use case stored or read, or why it did nothing, in words for the person who asked.</summary>
/// <param name="Value">What was stored or read; for a conflict or a stale change, the record as it is now.</param>
/// <param name="Reason">What the person reads first (a problem's title, a page's heading); null: the kind's usual words.</param>
/// <param name="Detail">What is in the way, or what to do about it.</param>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = null, ValidationErrors? Errors = null, string? Reason = null, string? Detail = null)
    where T : class
{
    /// <summary>For a duplicate: the id of the record that holds the place.</summary>
    public string? ConflictWith { get; init; }

    public bool Succeeded => Kind is OutcomeKind.Done or OutcomeKind.Created or OutcomeKind.Unchanged;
}
