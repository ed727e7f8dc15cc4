
namespace AvecSante.Core.Members;

/// <summary>
/// Which fields differ between two versions of a record. The audit trail stores these names, never the values, so it
/// holds nothing personal once a person is erased.
/// </summary>
public static class MemberChanges
{
    public static IReadOnlyList<string> Fields(MemberStructure? before, MemberStructure after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        Compare(changed, "kind", before?.Kind, after.Kind, before is null);
        Compare(changed, "name", before?.Name, after.Name, before is null);
        Compare(changed, "department", before?.Department, after.Department, before is null);
        Compare(changed, "commune", before?.Commune, after.Commune, before is null);
        Compare(changed, "siret", before?.Siret, after.Siret, before is null);
        Compare(changed, "finess", before?.Finess, after.Finess, before is null);
        Compare(changed, "aciSignatory", before?.AciSignatory, after.AciSignatory, before is null);
        Compare(changed, "sisa", before?.Sisa, after.Sisa, before is null);
        Compare(changed, "joinedOn", before?.JoinedOn, after.JoinedOn, before is null);
        Compare(changed, "leftOn", before?.LeftOn, after.LeftOn, before is null);
        return changed;
    }

    public static IReadOnlyList<string> Fields(Person? before, Person after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var isNew = before is null;
        var changed = new List<string>();
        Compare(changed, "firstName", before?.FirstName, after.FirstName, isNew);
        Compare(changed, "lastName", before?.LastName, after.LastName, isNew);
        Compare(changed, "email", before?.Email, after.Email, isNew);
        CompareList(changed, "otherEmails", before?.OtherEmails, after.OtherEmails, isNew);
        Compare(changed, "phone", before?.Phone, after.Phone, isNew);
        Compare(changed, "profession", before?.Profession, after.Profession, isNew);
        CompareList(changed, "roles", before?.Roles, after.Roles, isNew);
        Compare(changed, "boardCollege", before?.BoardCollege, after.BoardCollege, isNew);
        CompareList(changed, "structureIds", before?.StructureIds, after.StructureIds, isNew);
        Compare(changed, "lastContactOn", before?.LastContactOn, after.LastContactOn, isNew);
        Compare(changed, "preferences", before?.Preferences is { } p ? Describe(p) : null, Describe(after.Preferences), isNew);
        return changed;
    }

    public static IReadOnlyList<string> Fields(Cotisation? before, Cotisation after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var isNew = before is null;
        var changed = new List<string>();
        Compare(changed, "amount", before?.Amount, after.Amount, isNew);
        Compare(changed, "paidOn", before?.PaidOn, after.PaidOn, isNew);
        Compare(changed, "method", before?.Method, after.Method, isNew);
        Compare(changed, "nationalShare", before?.NationalShare, after.NationalShare, isNew);
        return changed;
    }

    private static string Describe(AlertPreferences p) =>
        string.Join('|', string.Join(',', p.Themes), string.Join(',', p.Departments), string.Join(',', p.StructureKinds), p.AlertsEnabled);

    private static void Compare<T>(List<string> changed, string name, T? before, T? after, bool isNew)
    {
        // A new record lists the fields it was created with; an update lists the fields whose value moved.
        if (isNew ? after is not null && !(after is bool b && !b) : !EqualityComparer<T>.Default.Equals(before, after))
        {
            changed.Add(name);
        }
    }

    private static void CompareList(List<string> changed, string name, IReadOnlyList<string>? before, IReadOnlyList<string> after, bool isNew)
    {
        if (isNew ? after.Count > 0 : !(before ?? []).SequenceEqual(after, StringComparer.Ordinal))
        {
            changed.Add(name);
        }
    }
}
