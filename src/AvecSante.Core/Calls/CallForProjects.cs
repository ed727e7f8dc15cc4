namespace AvecSante.Core.Calls;

public enum CallStatus
{
    Open,
    Closed,
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
}
