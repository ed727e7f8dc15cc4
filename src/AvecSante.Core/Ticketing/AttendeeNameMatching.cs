using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>A person of the directory as the name matcher sees it: id, names and structure (nothing else is read).</summary>
public sealed record NameCandidate(string PersonId, string? FirstName, string? LastName, string? StructureName);

/// <summary>
/// The second way of recognising an attendee (the first is the email): first and last name compared without accents,
/// case, hyphens or apostrophes, equal to exactly one person; when several people share the name, the one whose
/// structure matches a structure the registration names (a form field, the payer's company). Ambiguous = no match:
/// a wrong link is worse than none.
/// </summary>
public static class AttendeeNameMatching
{
    /// <summary>The key of a full name, or null when either part is missing (a lone first name matches nobody).</summary>
    public static string? NameKey(string? firstName, string? lastName)
    {
        var first = TextFolding.Fold(firstName);
        var last = TextFolding.Fold(lastName);
        return first.Length == 0 || last.Length == 0 ? null : first + "|" + last;
    }

    /// <summary>
    /// Picks the person among <paramref name="sameName"/> (people whose <see cref="NameKey"/> equals the attendee's):
    /// the only one; or, among several, the only one whose structure matches one of <paramref name="structureHints"/>.
    /// </summary>
    public static string? Pick(IReadOnlyCollection<NameCandidate> sameName, IEnumerable<string?> structureHints)
    {
        ArgumentNullException.ThrowIfNull(sameName);
        ArgumentNullException.ThrowIfNull(structureHints);
        var distinct = sameName.DistinctBy(c => c.PersonId, StringComparer.Ordinal).ToList();
        if (distinct.Count == 1)
        {
            return distinct[0].PersonId;
        }
        if (distinct.Count == 0)
        {
            return null;
        }
        var hints = structureHints.Select(TextFolding.Fold).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (hints.Count == 0)
        {
            return null;
        }
        var matching = distinct.Where(c => hints.Any(h => SameStructure(TextFolding.Fold(c.StructureName), h))).ToList();
        return matching.Count == 1 ? matching[0].PersonId : null;
    }

    /// <summary>
    /// Equal once normalised, or one contains the other as whole words when the shorter has at least two words or
    /// six letters ("msp des tilleuls" in "msp des tilleuls nantes"); "msp" alone contains nothing.
    /// </summary>
    public static bool SameStructure(string structure, string hint)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(hint);
        if (structure.Length == 0 || hint.Length == 0)
        {
            return false;
        }
        if (structure == hint)
        {
            return true;
        }
        var (shorter, longer) = structure.Length <= hint.Length ? (structure, hint) : (hint, structure);
        if (!shorter.Contains(' ', StringComparison.Ordinal) && shorter.Length < 6)
        {
            return false;
        }
        return $" {longer} ".Contains($" {shorter} ", StringComparison.Ordinal);
    }
}
