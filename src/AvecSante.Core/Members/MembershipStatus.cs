namespace AvecSante.Core.Members;

/// <summary>Where a structure stands, computed from its paid cotisations and dates (never typed by hand).</summary>
public enum MembershipStatus
{
    /// <summary>No paid cotisation: a contact, not a member.</summary>
    None,

    /// <summary>Paid for the current (or a coming) year, and neither paid nor joined before: the first year of membership.</summary>
    New,

    /// <summary>Paid for the current year after earlier years.</summary>
    Current,

    /// <summary>The last paid year is over, but by less than the grace period (Members:GraceMonths).</summary>
    Grace,

    /// <summary>The grace period is over, or the structure left.</summary>
    Lapsed,
}

/// <summary>
/// The status rules, as CiviCRM has them: a cotisation of year Y covers 1 January to 31 December of Y (Paris dates);
/// after it comes a grace period of <c>graceMonths</c>, then the membership has lapsed.
/// </summary>
public static class MembershipStatusRules
{
    public const int DefaultGraceMonths = 3;

    public static MembershipStatus Compute(MemberStructure structure, IEnumerable<Cotisation> cotisations, DateOnly today, int graceMonths = DefaultGraceMonths)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(cotisations);
        var paidYears = cotisations
            .Where(c => c.PaidOn is not null && string.Equals(c.StructureId, structure.Id, StringComparison.Ordinal))
            .Select(c => c.Year)
            .ToList();
        if (paidYears.Count == 0)
        {
            return MembershipStatus.None;
        }
        if (structure.LeftOn is { } left && left <= today)
        {
            return MembershipStatus.Lapsed;
        }

        var coveredUntil = new DateOnly(paidYears.Max(), 12, 31);
        if (today <= coveredUntil)
        {
            // New in the first year of membership: the first paid year, or the year it joined if that is earlier.
            var firstYear = Math.Min(paidYears.Min(), structure.JoinedOn?.Year ?? int.MaxValue);
            return firstYear >= today.Year ? MembershipStatus.New : MembershipStatus.Current;
        }
        return today <= GraceEnds(coveredUntil, graceMonths) ? MembershipStatus.Grace : MembershipStatus.Lapsed;
    }

    /// <summary>The last day of grace: <paramref name="graceMonths"/> whole months after the covered year ends.</summary>
    public static DateOnly GraceEnds(DateOnly coveredUntil, int graceMonths) =>
        coveredUntil.AddDays(1).AddMonths(graceMonths).AddDays(-1);

    public static string Code(MembershipStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out MembershipStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && Enum.IsDefined(status);

    /// <summary>French label for people (exports, pages).</summary>
    public static string Label(MembershipStatus status) => status switch
    {
        MembershipStatus.New => "nouvelle adhérente",
        MembershipStatus.Current => "à jour",
        MembershipStatus.Grace => "en période de grâce",
        MembershipStatus.Lapsed => "échue",
        _ => "non adhérente",
    };
}
