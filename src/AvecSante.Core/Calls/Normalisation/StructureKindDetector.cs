using System.Text.RegularExpressions;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Eligible structure kinds (<see cref="StructureKinds"/> codes). Read from the eligibility section when the source has
/// one, otherwise from the sentences that say who may apply; a hospital named as a partner does not make hospitals eligible.
/// An empty list means the call does not restrict (or does not say).
/// </summary>
public static partial class StructureKindDetector
{
    public static IReadOnlyList<string> Detect(string text, string? eligibilitySection = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return eligibilitySection is { Length: > 0 } ? DetectIn(FrenchText.FoldSameLength(eligibilitySection)) : DetectIn(EligibilitySentences(text, FrenchText.FoldSameLength(text)));
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static IReadOnlyList<string> Detect(string text, string foldedText, string? eligibilitySection)
    {
        return eligibilitySection is { Length: > 0 } ? DetectIn(FrenchText.FoldSameLength(eligibilitySection)) : DetectIn(EligibilitySentences(text, foldedText));
    }

    private static IReadOnlyList<string> DetectIn(string folded)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var match = Kind().Match(folded); match.Success; match = match.NextMatch())
        {
            foreach (var code in StructureKinds.Labels.Keys)
            {
                if (match.Groups[code].Success)
                {
                    found.Add(code);
                }
            }
        }
        return [.. StructureKinds.Labels.Keys.Where(found.Contains)];
    }

    /// <summary>The sentences that say who may apply, already folded (folding them joined or one by one is the same).</summary>
    private static string EligibilitySentences(string text, string folded)
    {
        var parts = new List<string>();
        var start = 0;
        for (var end = Boundary().Match(text); ; end = end.NextMatch())
        {
            var stop = end.Success ? end.Index + end.Length : text.Length;
            if (stop > start && EligibilityCue().IsMatch(folded.AsSpan(start, stop - start)))
            {
                parts.Add(folded[start..stop]);
            }
            if (!end.Success)
            {
                break;
            }
            start = stop;
        }
        return string.Join("\n", parts);
    }

    [GeneratedRegex(@"(?<MSP>\bmaisons? de sante|\bmsp\b)|(?<ESP>\bequipes? de soins primaires|\besp\b)|(?<CPTS>\bcpts\b|\bcommunautes? professionnelles? territoriales? de sante)|(?<CDS>\bcentres? de sante\b|\bcds\b)|(?<ASSOCIATION>\bassociations?\b|\bloi (?:de )?1901\b)|(?<COLLECTIVITE>\bcollectivites?\b|\bcommunes?\b|\bepci\b|\bintercommunalites?\b|\bmunicipalites?\b|\bconseils? departementa)|(?<ETABLISSEMENT>\betablissements? (?:de sante|sanitaires?|medico-sociaux|medico-social|hospitaliers?|et services medico)|\besms[s]?\b|\behpad\b|\bhopita(?:l|ux)\b|\bcentres? hospitaliers?\b|\bchu\b)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Kind();

    [GeneratedRegex(@"eligib|s'adresse|destine|a destination d|peuvent (?:candidater|repondre|deposer|postuler|beneficier|presenter)|porteurs? de projets?|beneficiaires?|ouvert aux|qui peut|pour qui|sont concerne|structures? candidates?|peut etre porte", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex EligibilityCue();

    // Single line breaks are not boundaries: pasted mails and PDF text break lines inside sentences.
    [GeneratedRegex(@"[.!?](?=\s|\p{Lu})|;|\n[ \t]*\n", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex Boundary();
}
