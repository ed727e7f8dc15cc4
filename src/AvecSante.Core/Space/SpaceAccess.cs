using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

/// <summary>
/// Who may enter the coordinators' space: coordinators and leaders of a structure that is a member today (new, current
/// or in its grace period), and anyone staff flagged with the <see cref="MemberRoles.SpaceAccess"/> role.
/// </summary>
public static class SpaceAccess
{
    public static bool MayEnter(Person person, IEnumerable<MembershipStatus> statusesOfTheirStructures)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(statusesOfTheirStructures);
        if (person.Roles.Contains(MemberRoles.SpaceAccess, StringComparer.Ordinal))
        {
            return true;
        }
        var leads = person.Roles.Contains(MemberRoles.Coordinator, StringComparer.Ordinal) || person.Roles.Contains(MemberRoles.Leader, StringComparer.Ordinal);
        return leads && statusesOfTheirStructures.Any(s => s is MembershipStatus.New or MembershipStatus.Current or MembershipStatus.Grace);
    }
}
