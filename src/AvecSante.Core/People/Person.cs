namespace AvecSante.Core.People;

/// <summary>What a person chose to receive. An empty list means "no restriction" on that axis.</summary>
public sealed record AlertPreferences
{
    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<string> StructureKinds { get; init; } = [];

    /// <summary>False once the person has unsubscribed: no alert of any channel reaches them.</summary>
    public bool AlertsEnabled { get; init; } = true;
}

/// <summary>A person the federation may alert: a coordinator of a member structure, staff, a board member.</summary>
public sealed record Person
{
    public required string Id { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public string? StructureName { get; init; }

    /// <summary>MSP, ESP, CDS, CPTS…</summary>
    public string? StructureKind { get; init; }

    /// <summary>22, 29, 35 or 56.</summary>
    public string? Department { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public AlertPreferences Preferences { get; init; } = new();

    public string DisplayName => $"{FirstName} {LastName}";
}
