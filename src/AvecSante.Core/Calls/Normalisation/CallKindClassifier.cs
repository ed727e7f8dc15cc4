using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

public enum CallKind
{
    Unknown,
    AppelAProjets,
    AppelACandidatures,
    AppelAManifestationInteret,

    /// <summary>"Appel à propositions": on city sites, usually the letting of a public site to a business.</summary>
    AppelAPropositions,
}

public sealed record CallKindResult(CallKind Kind, bool IsFundingCall, string? Reason);

/// <summary>
/// The kind of call, and whether the page is a funding call at all. News and results pages, and offers to occupy
/// public land against a fee (kiosks, pitches, commercial sites), are not: nothing there pays a health team.
/// </summary>
public static partial class CallKindClassifier
{
    public static CallKindResult Classify(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        return ClassifyFolded(FrenchText.FoldSameLength(title), FrenchText.FoldSameLength(text));
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static CallKindResult ClassifyFolded(string foldedTitle, string folded)
    {

        // Counts, the title weighing more; ties go to the most specific kind (sites label every page "Appel à projets").
        var scores = new Dictionary<CallKind, int>
        {
            [CallKind.AppelAManifestationInteret] = 0,
            [CallKind.AppelACandidatures] = 0,
            [CallKind.AppelAPropositions] = 0,
            [CallKind.AppelAProjets] = 0,
        };
        Count(foldedTitle, scores, 3);
        Count(folded, scores, 1);
        var kind = scores.Where(s => s.Value > 0).OrderByDescending(s => s.Value).Select(s => s.Key).FirstOrDefault();
        if (kind == CallKind.Unknown && Competition().IsMatch(foldedTitle + " " + folded))
        {
            kind = CallKind.AppelACandidatures;
        }

        if (NewsTitle().Match(foldedTitle) is { Success: true } news)
        {
            return new CallKindResult(kind, false, $"page d'information ({news.Value})");
        }
        var occupation = OccupationCue().Count(folded) + (3 * OccupationCue().Count(foldedTitle));
        // Funding words matter only against occupation ones: most pages have none, and skip that scan.
        if (occupation > 0 && occupation >= FundingCue().Count(folded) + (3 * FundingCue().Count(foldedTitle)))
        {
            return new CallKindResult(kind, false, "occupation du domaine public contre redevance, pas un financement");
        }
        return new CallKindResult(kind, true, null);
    }

    private static void Count(string folded, Dictionary<CallKind, int> scores, int weight)
    {
        for (var match = KindPhrase().Match(folded); match.Success; match = match.NextMatch())
        {
            var kind = match.Groups["ami"].Success ? CallKind.AppelAManifestationInteret
                : match.Groups["aac"].Success ? CallKind.AppelACandidatures
                : match.Groups["apr"].Success ? CallKind.AppelAPropositions
                : CallKind.AppelAProjets;
            scores[kind] += weight;
        }
    }

    [GeneratedRegex(@"(?<ami>\bappels? a manifestations? d'interet\b|\bami\b)|(?<aac>\bappels? a candidatures?\b|\baac\b)|(?<apr>\bappels? a propositions?\b)|(?<aap>\bappels? a projets?\b|\baap\b)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex KindPhrase();

    [GeneratedRegex(@"\bchallenge\b|\bconcours\b|\btrophees?\b|\bprix\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Competition();

    [GeneratedRegex(@"\bresultats? de l'appel\b|\blaureats? (?:de l'appel|retenus|\d{4})\b|\bliste des laureats\b|\bretour sur\b|\bcompte[ -]rendu\b|\bactualite\b|\bnewsletter\b|\blettre d'information\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NewsTitle();

    [GeneratedRegex(@"\boccupation (?:temporaire )?du domaine public\b|\bredevances?\b|\bemplacements? commercia|\bmanifestation d'interet concurrente\b|\bmise en concurrence\b|\bkiosques?\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex OccupationCue();

    [GeneratedRegex(@"\bsubventions?\b|\bfinancements?\b|\bfinance(?:r|s|es|ra|ront)?\b|\bcofinanc|\baides? financieres?\b|\bdotation\b|\bdote(?:e)? de\b|\benveloppe\b|\bsoutien financier\b|\bprise en charge des depenses\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex FundingCue();
}
