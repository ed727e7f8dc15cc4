using AvecSante.Core.Members;

namespace AvecSante.Core.Members.Import;

/// <summary>
/// The member file as rows under the import's own headers: one row per person and structure (a person of two structures
/// has two rows), structures without people on a row of their own, and the cotisation of the chosen year. Exporting
/// then importing the file changes nothing.
/// </summary>
public static class MemberExport
{
    private static readonly Dictionary<string, string> RoleWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MemberRoles.Coordinator] = "coordination",
        [MemberRoles.Leader] = "leader",
        [MemberRoles.Board] = "CA",
        [MemberRoles.Staff] = "salarié",
    };

    public static IReadOnlyList<string> Headers { get; } = ImportColumns.All.Select(c => c.Header).ToList();

    public static IEnumerable<IReadOnlyList<string?>> Rows(IReadOnlyList<StructureView> structures, IReadOnlyList<Person> people, int year)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(people);
        var byId = structures.ToDictionary(v => v.Structure.Id, StringComparer.Ordinal);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var theirs = person.StructureIds.Where(byId.ContainsKey).ToList();
            if (theirs.Count == 0)
            {
                yield return Row(person, null, year);
            }
            foreach (var id in theirs)
            {
                linked.Add(id);
                yield return Row(person, byId[id], year);
            }
        }
        foreach (var view in structures.Where(v => !linked.Contains(v.Structure.Id)))
        {
            yield return Row(null, view, year);
        }
    }

    private static string?[] Row(Person? p, StructureView? v, int year)
    {
        var s = v?.Structure;
        var fee = v?.Cotisations.FirstOrDefault(c => c.Year == year);
        var cells = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ImportColumns.FirstName] = p?.FirstName,
            [ImportColumns.LastName] = p?.LastName,
            [ImportColumns.Email] = p?.Email,
            [ImportColumns.OtherEmails] = p is null ? null : string.Join(", ", p.OtherEmails),
            [ImportColumns.Phone] = p?.Phone,
            [ImportColumns.Profession] = p?.Profession,
            [ImportColumns.Roles] = p is null ? null : string.Join(", ", p.Roles.Select(r => RoleWords.TryGetValue(r, out var w) ? w : r)),
            [ImportColumns.College] = p?.BoardCollege?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.LastContact] = FrenchCells.Date(p?.LastContactOn),
            [ImportColumns.Structure] = s?.Name,
            [ImportColumns.Kind] = s?.Kind,
            [ImportColumns.Department] = s?.Department,
            [ImportColumns.Commune] = s?.Commune,
            [ImportColumns.Siret] = s?.Siret,
            [ImportColumns.Finess] = s?.Finess,
            [ImportColumns.Aci] = s is null ? null : FrenchCells.YesNo(s.AciSignatory),
            [ImportColumns.Sisa] = s is null ? null : FrenchCells.YesNo(s.Sisa),
            [ImportColumns.JoinedOn] = FrenchCells.Date(s?.JoinedOn),
            [ImportColumns.LeftOn] = FrenchCells.Date(s?.LeftOn),
            [ImportColumns.Year] = fee?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ImportColumns.Amount] = FrenchCells.Number(fee?.Amount),
            [ImportColumns.PaidOn] = FrenchCells.Date(fee?.PaidOn),
            [ImportColumns.Method] = fee?.Method,
            [ImportColumns.NationalShare] = FrenchCells.Number(fee?.NationalShare),
            [ImportColumns.Status] = v is null ? null : MembershipStatusRules.Label(v.Status),
        };
        return ImportColumns.All.Select(c => cells[c.Column]).ToArray();
    }
}
