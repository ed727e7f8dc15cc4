using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

/// <summary>The board's filters, as a coordinator sets them (all optional).</summary>
public sealed record BoardFilter(string? Theme = null, string? Funder = null, string? Department = null, string? StructureKind = null, int? ClosingWithinDays = null);

/// <summary>The board: open calls that match the person's preferences first, then every other open call.</summary>
public sealed record BoardView(IReadOnlyList<CallForProjects> ForYou, IReadOnlyList<CallForProjects> Others, IReadOnlyList<string> Funders);

/// <summary>
/// Builds the board of open calls from the call list. Matching is the alerts' own rule (<see cref="CallMatcher"/>), applied
/// as if alerts were on: a person who turned emails off still sees what concerns them.
/// </summary>
public static class SpaceBoard
{
    public static bool Concerns(CallForProjects call, Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return CallMatcher.Match(call, person with { Preferences = person.Preferences with { AlertsEnabled = true } }) is not null;
    }

    public static BoardView Build(IEnumerable<CallForProjects> calls, Person person, BoardFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(filter);
        var open = calls.Where(c => c.Status == CallStatus.Open && (c.Deadline is null || c.Deadline > now)).ToList();
        var funders = open.Select(c => c.Funder).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        var shown = open.Where(c => Passes(c, filter, now))
            .OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
        var forYou = shown.Where(c => Concerns(c, person)).ToList();
        var mine = forYou.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return new BoardView(forYou, shown.Where(c => !mine.Contains(c.Id)).ToList(), funders);
    }

    public static bool Passes(CallForProjects call, BoardFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter.Theme is null || call.Themes.Contains(filter.Theme, StringComparer.Ordinal))
            && (filter.Funder is null || string.Equals(call.Funder, filter.Funder, StringComparison.OrdinalIgnoreCase))
            && (filter.Department is null || (call.Departments.Count == 0 ? [Departments.Regional] : call.Departments).Any(d => Departments.Covers(d, filter.Department)))
            && (filter.StructureKind is null || call.StructureKinds.Count == 0 || call.StructureKinds.Contains(filter.StructureKind, StringComparer.Ordinal))
            && (filter.ClosingWithinDays is not { } days || (call.Deadline is { } end && DaysLeft(end, now) <= days));
    }

    /// <summary>Whole Paris days from today to the deadline's day (0 = today).</summary>
    public static int DaysLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        ParisTime.ToParis(deadline).Date.Subtract(ParisTime.ToParis(now).Date).Days;
}
