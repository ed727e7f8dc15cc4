using System.Text.RegularExpressions;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Departments a call concerns, in the codes of <see cref="Departments"/>: 22, 29, 35, 56, "regional" (all of Brittany),
/// "national". A call of another territory (Région Île-de-France, Ville de Paris, a préfecture outside Brittany) maps to
/// an empty list: it concerns no Breton team, and we would rather say nothing than pretend it is national. "national"
/// is given only when the funder is a national body or the text says the call is national.
/// </summary>
public static partial class DepartmentDetector
{
    public static IReadOnlyList<string> Detect(string text, Funder funder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(funder);
        return DetectFolded(FrenchText.FoldSameLength(text), funder);
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static IReadOnlyList<string> DetectFolded(string folded, Funder funder)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (funder.Department is { } own)
        {
            found.Add(own);
        }
        for (var match = Department().Match(folded); match.Success; match = match.NextMatch())
        {
            found.Add(match.Groups["c22"].Success ? "22" : match.Groups["c29"].Success ? "29" : match.Groups["c35"].Success ? "35" : "56");
        }
        var breton = found.Count > 0 || funder.Kind is FunderKind.ArsBretagne or FunderKind.RegionBretagne || Brittany().IsMatch(folded);
        if (found.Count == 0 && breton)
        {
            found.Add(Departments.Regional);
        }
        if (!breton && (funder.Kind is FunderKind.SantePubliqueFrance or FunderKind.FondationDeFrance || National().IsMatch(folded)))
        {
            found.Add(Departments.National);
        }
        return [.. Departments.Labels.Keys.Where(found.Contains)];
    }

    [GeneratedRegex(@"(?<c22>\bcotes[ -]d'armor\b)|(?<c29>\bfinistere\b)|(?<c35>\bille[ -]et[ -]vilaine\b)|(?<c56>\bmorbihan\b)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Department();

    [GeneratedRegex(@"\bbretagne\b|\bbreton(?:ne)?s?\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Brittany();

    [GeneratedRegex(@"\bappels? (?:a projets|a candidatures|a manifestation d'interet) nationa|\bau niveau national\b|\ba l'echelle nationale\b|\bsur l'ensemble du territoire national\b|\bfrance entiere\b|\btoute la france\b|\bdans toute la france\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex National();
}
