namespace AvecSante.Core.Calls;

/// <summary>What a staff member submits by hand (POST /api/calls). Every field may be missing: the validator says which.</summary>
public sealed record CallSubmission
{
    public string? Title { get; init; }

    public string? Funder { get; init; }

    public string? Url { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? PublishedOn { get; init; }

    /// <summary>yyyy-MM-dd (end of that day in Paris), yyyy-MM-ddTHH:mm (Paris wall clock) or an ISO instant with offset.</summary>
    public string? Deadline { get; init; }

    public IReadOnlyList<string>? Themes { get; init; }

    public IReadOnlyList<string>? Departments { get; init; }

    public IReadOnlyList<string>? StructureKinds { get; init; }

    public string? Summary { get; init; }

    /// <summary>The sentence of the call's text the deadline was read from (the console's paste), kept as its evidence.</summary>
    public string? DeadlineEvidence { get; init; }
}
