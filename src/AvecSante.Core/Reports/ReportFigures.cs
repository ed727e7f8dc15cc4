using System.Text.Json.Serialization;

namespace AvecSante.Core.Reports;

/// <summary>The yearly activity report's figures: year N beside N-1, shaped by the four ambitions of the projet associatif.</summary>
public sealed record AnnualReport
{
    public required int Year { get; init; }

    public required string FederationName { get; init; }

    public required DateTimeOffset CompiledAt { get; init; }

    public required YearFigures Current { get; init; }

    public required YearFigures Previous { get; init; }
}

/// <summary>One year's figures. A section is null when its capability is absent or the year holds no data ("Aucune donnée").</summary>
public sealed record YearFigures(
    int Year,
    MemberFigures? Members,
    EventFigures? Events,
    CallFigures? Calls,
    AlertFigures? Alerts,
    DocumentFigures? Documents);

/// <summary>A labelled count (by kind, department, funder, theme…).</summary>
public sealed record CountRow(string Code, string Label, int Count);

public sealed record MemberFigures
{
    /// <summary>Structures with a paid cotisation for the year.</summary>
    public required int MemberCount { get; init; }

    public required IReadOnlyList<CountRow> ByKind { get; init; }

    public required IReadOnlyList<CountRow> ByDepartment { get; init; }

    /// <summary>Members of the year that had never paid before (and had not joined earlier).</summary>
    public required int New { get; init; }

    /// <summary>Members of the year before that did not pay for this year, or left during it.</summary>
    public required int Lapsed { get; init; }

    public required int MspMembers { get; init; }

    public required int AciSignatories { get; init; }

    /// <summary>Signatories of the ACI among member MSP (0..1); null without member MSP.</summary>
    public double? AciShare => MspMembers == 0 ? null : (double)AciSignatories / MspMembers;

    public required decimal CotisationsCollected { get; init; }

    public required decimal NationalShare { get; init; }

    /// <summary>The annex\'s lines; left out of the JSON summary.</summary>
    [JsonIgnore]
    public IReadOnlyList<MemberRow> Rows { get; init; } = [];
}

/// <summary>One member structure of the year, for the annex (structures, not people: no personal data).</summary>
public sealed record MemberRow(string Name, string Kind, string Department, string? Commune, bool AciSignatory, bool IsNew, decimal Amount, decimal? NationalShare, DateOnly? PaidOn);

public sealed record EventFigures
{
    public required int EventCount { get; init; }

    /// <summary>Confirmed tickets (cancelled ones are not registrations; waitlisted ones are counted apart).</summary>
    public required int Registrations { get; init; }

    public required int Waitlisted { get; init; }

    public required int Cancelled { get; init; }

    /// <summary>Confirmed tickets of events whose attendance was recorded.</summary>
    public required int AttendanceRecorded { get; init; }

    public required int Attended { get; init; }

    /// <summary>Attended over registrations of the events where attendance was recorded; null when none was.</summary>
    public double? AttendanceRate => AttendanceRecorded == 0 ? null : (double)Attended / AttendanceRecorded;

    public required long RevenueCents { get; init; }

    public required IReadOnlyList<EventKindRow> ByKind { get; init; }

    /// <summary>The annex\'s lines; left out of the JSON summary.</summary>
    [JsonIgnore]
    public IReadOnlyList<EventRow> Rows { get; init; } = [];
}

public sealed record EventKindRow(string Kind, string Label, int Events, int Registrations, int AttendanceRecorded, int Attended, long RevenueCents)
{
    public double? AttendanceRate => AttendanceRecorded == 0 ? null : (double)Attended / AttendanceRecorded;
}

public sealed record EventRow(string Title, string Kind, DateOnly Date, string? Venue, int? Capacity, int Registrations, int Waitlisted, int Cancelled, int? Attended, long RevenueCents);

public sealed record CallFigures
{
    public required int CallCount { get; init; }

    public required IReadOnlyList<CountRow> ByFunder { get; init; }

    public required IReadOnlyList<CountRow> ByTheme { get; init; }

    /// <summary>Answer windows of every call with a publication date and a deadline.</summary>
    public required WindowStats Windows { get; init; }

    public required IReadOnlyList<FunderWindows> WindowsByFunder { get; init; }

    /// <summary>Calls with no computable window (rolling, or no publication date or deadline known).</summary>
    public required int WithoutWindow { get; init; }

    /// <summary>The annex\'s lines; left out of the JSON summary.</summary>
    [JsonIgnore]
    public IReadOnlyList<CallRow> Rows { get; init; } = [];
}

/// <summary>
/// Days from publication to deadline (Paris dates). Buckets follow the field's complaint: under 21 days (three weeks to
/// write a project as a team), under 30, and longer.
/// </summary>
public sealed record WindowStats(int Count, double? Median, int? Shortest, int? Longest, int Under21, int Under30, IReadOnlyList<CountRow> Distribution)
{
    public double? ShareUnder21 => Count == 0 ? null : (double)Under21 / Count;

    public double? ShareUnder30 => Count == 0 ? null : (double)Under30 / Count;
}

public sealed record FunderWindows(string Funder, WindowStats Windows);

public sealed record CallRow(string Title, string Funder, string Kind, DateOnly? PublishedOn, DateOnly? Deadline, int? WindowDays, IReadOnlyList<string> Themes, IReadOnlyList<string> Departments);

public sealed record AlertFigures
{
    public required int Planned { get; init; }

    public required int Sent { get; init; }

    public required int Failed { get; init; }

    public required IReadOnlyList<ChannelRow> ByChannel { get; init; }

    /// <summary>Distinct people who received at least one call alert, change notice, reminder or digest.</summary>
    public required int CoordinatorsReached { get; init; }

    public required int CallAlertsSent { get; init; }

    public required int RemindersSent { get; init; }

    public required IReadOnlyList<CountRow> ByKind { get; init; }
}

public sealed record ChannelRow(string Channel, string Label, int Sent, int Failed, int Other);

public sealed record DocumentFigures
{
    public required int SheetCount { get; init; }

    public required IReadOnlyList<CountRow> ByTheme { get; init; }

    public required IReadOnlyList<CountRow> ByDepartment { get; init; }

    /// <summary>The annex\'s lines; left out of the JSON summary.</summary>
    [JsonIgnore]
    public IReadOnlyList<DocumentRow> Rows { get; init; } = [];
}

public sealed record DocumentRow(string Title, string? Structure, string? Department, int? ProjectYear, DateOnly CollectedOn, IReadOnlyList<string> Themes);
