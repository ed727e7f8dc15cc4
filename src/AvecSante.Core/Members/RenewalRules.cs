using AvecSante.Core.Alerts;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

/// <summary>
/// Who gets a renewal reminder on a given Paris day. The status rules put an unpaid member in grace from 1 January,
/// so both stages concern structures in grace: "janvier" during January, "grace" (the second reminder) afterwards,
/// until grace ends. Structures that paid (new or current), left, lapsed or never paid get nothing.
/// </summary>
public static class RenewalRules
{
    public static IReadOnlyList<RenewalCandidate> Candidates(
        IEnumerable<MemberStructure> structures, IReadOnlyList<Cotisation> cotisations, IReadOnlyList<Person> people, DateOnly today, int graceMonths)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(cotisations);
        ArgumentNullException.ThrowIfNull(people);
        var byStructure = cotisations.ToLookup(c => c.StructureId, StringComparer.Ordinal);
        var candidates = new List<RenewalCandidate>();
        foreach (var structure in structures.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var fees = byStructure[structure.Id].ToList();
            if (MembershipStatusRules.Compute(structure, fees, today, graceMonths) != MembershipStatus.Grace)
            {
                continue;
            }
            var lastPaid = fees.Where(c => c.PaidOn is not null).Max(c => c.Year);
            var lastDayOfGrace = MembershipStatusRules.GraceEnds(new DateOnly(lastPaid, 12, 31), graceMonths);
            var (stage, year) = today.Month == 1 ? (RenewalStages.January, today.Year) : (RenewalStages.Grace, lastPaid + 1);
            candidates.Add(new RenewalCandidate(structure, stage, year, lastDayOfGrace, ContactsOf(structure.Id, people)));
        }
        return candidates;
    }

    /// <summary>Coordinators and leaders of the structure; if it has none, anyone linked to it. People without an address are left out.</summary>
    public static IReadOnlyList<Person> ContactsOf(string structureId, IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var linked = people
            .Where(p => !string.IsNullOrWhiteSpace(p.Email) && p.StructureIds.Contains(structureId, StringComparer.Ordinal))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var leads = linked.Where(p => p.Roles.Contains(MemberRoles.Coordinator, StringComparer.Ordinal) || p.Roles.Contains(MemberRoles.Leader, StringComparer.Ordinal)).ToList();
        return leads.Count > 0 ? leads : linked;
    }
}
