
namespace AvecSante.Core.Members;

/// <summary>
/// What a member record gets wherever it is made (the member file, the CRM import, a GDPR request): its id, the fields
/// derived from its structure, its default preferences, and who holds an address.
/// </summary>
public static class MemberRecordRules
{
    public static string NewStructureId() => "s-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewPersonId() => "p-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Fills the fields call matching reads (structure name, kind, department) from the person's main structure.</summary>
    public static Person Derive(Person person, IReadOnlyDictionary<string, MemberStructure> structuresById)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(structuresById);
        foreach (var id in person.StructureIds)
        {
            if (structuresById.TryGetValue(id, out var main))
            {
                return person with { StructureName = main.Name, StructureKind = main.Kind, Department = main.Department };
            }
        }
        return person;
    }

    /// <summary>
    /// A newcomer receives call alerts when they carry projects (coordinators, leaders); others (board, staff, contacts)
    /// only once they ask for them: importing a CRM must not subscribe everyone it holds.
    /// </summary>
    public static AlertPreferences DefaultPreferences(IEnumerable<string> roles) => new()
    {
        AlertsEnabled = roles.Any(r => r.Trim().ToLowerInvariant() is MemberRoles.Coordinator or MemberRoles.Leader),
    };

    public static Person? FindByEmail(IEnumerable<Person> everyone, string email) =>
        everyone.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)
            || p.OtherEmails.Contains(email, StringComparer.OrdinalIgnoreCase));
}
