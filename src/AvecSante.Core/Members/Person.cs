namespace AvecSante.Core.Members;

/// <summary>What a person chose to receive. An empty list means "no restriction" on that axis.</summary>
public sealed record AlertPreferences
{
    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<string> StructureKinds { get; init; } = [];

    /// <summary>False once the person has unsubscribed: no alert of any channel reaches them.</summary>
    public bool AlertsEnabled { get; init; } = true;

    // Alert preferences: every addition has a default, so records stored before them read as "everything on".

    /// <summary>How immediate alerts reach the person: "email" (default). Empty = only digest and reminders.</summary>
    public IReadOnlyList<string> Channels { get; init; } = ["email"];

    /// <summary>The Monday 08:00 digest (new calls of the week, deadlines of the next three weeks).</summary>
    public bool DigestEnabled { get; init; } = true;

    /// <summary>Deadline reminders at 08:00 Paris, <see cref="ReminderOffsets"/> days before.</summary>
    public bool RemindersEnabled { get; init; } = true;

    /// <summary>Days before a deadline a reminder goes out (default 14, 7 and 2).</summary>
    public IReadOnlyList<int> ReminderOffsets { get; init; } = [14, 7, 2];
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

    // Member file. StructureName/Kind/Department above stay, derived from the first structure, for matching.

    /// <summary>Other addresses the person uses; <see cref="Email"/> stays the one alerts go to.</summary>
    public IReadOnlyList<string> OtherEmails { get; init; } = [];

    public string? Phone { get; init; }

    /// <summary>Médecin généraliste, infirmière, coordinatrice…</summary>
    public string? Profession { get; init; }

    /// <summary>Collège of the conseil d'administration (1, 2 or 3) when <see cref="Roles"/> holds "board".</summary>
    public int? BoardCollege { get; init; }

    /// <summary>Ids of the member structures the person belongs to (first = main one).</summary>
    public IReadOnlyList<string> StructureIds { get; init; } = [];

    /// <summary>Last real contact (event, exchange): starts the retention period of non-member contacts.</summary>
    public DateOnly? LastContactOn { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag); null before it is stored.</summary>
    public string? Version { get; init; }

    public string DisplayName => $"{FirstName} {LastName}";
}
