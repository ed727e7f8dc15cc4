using System.Globalization;
using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

public enum AmountKind
{
    /// <summary>The whole envelope of the call ("enveloppe", "doté de", "montant total").</summary>
    Total,

    /// <summary>The most one project can receive ("jusqu'à", "maximum", "par projet").</summary>
    MaximumPerProject,

    /// <summary>A sum of money for the call, without saying which.</summary>
    Unspecified,
}

/// <summary>A sum stated for this call, in euros, with the phrase it came from.</summary>
public sealed record CallAmount(decimal Euros, AmountKind Kind, string Evidence);

/// <summary>
/// The amount stated for this call. Sums of past editions ("la dernière édition… s'échelonnaient", "l'AAP 2025… a
/// financé"), floors ("supérieur à 10 000 €"), fees and rents ("redevance… 7,40 € du m²") are not it.
/// </summary>
public static partial class AmountExtractor
{
    private const int SentenceReach = 400;

    /// <param name="text">The call's text.</param>
    /// <param name="callYear">The year of this edition (deadline or publication): sums tied to an earlier year are past budgets.</param>
    public static CallAmount? Extract(string text, int? callYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text, FrenchText.FoldSameLength(text), callYear);
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static CallAmount? Extract(string text, string folded, int? callYear)
    {
        CallAmount? best = null;
        var sentences = Boundary().Matches(text);
        var s = 0;
        for (var match = Money().Match(folded); match.Success; match = match.NextMatch())
        {
            while (s < sentences.Count && sentences[s].Index + sentences[s].Length <= match.Index)
            {
                s++;
            }
            // The sentence, within bounds: a page with no full stop must not make every sum read the whole page.
            var start = Math.Max(s > 0 ? sentences[s - 1].Index + sentences[s - 1].Length : 0, match.Index - SentenceReach);
            var end = Math.Min(s < sentences.Count ? sentences[s].Index + 1 : folded.Length, match.Index + match.Length + SentenceReach);
            end = Math.Max(end, match.Index + match.Length);
            var sentence = folded[start..end];
            var before = folded[Math.Max(start, match.Index - 80)..match.Index];
            var after = folded[(match.Index + match.Length)..Math.Min(end, match.Index + match.Length + 40)];

            if (NotFunding().IsMatch(before) || NotFundingAfter().IsMatch(after) || IsPast(sentence, callYear))
            {
                continue;
            }
            var kind = TotalCue().IsMatch(before) ? AmountKind.Total
                : MaximumCue().IsMatch(before) || PerProject().IsMatch(after) ? AmountKind.MaximumPerProject
                : FundingWord().IsMatch(sentence) ? AmountKind.Unspecified
                : (AmountKind?)null;
            if (kind is not { } k || Value(match) is not { } euros || euros <= 0)
            {
                continue;
            }
            var evidence = FrenchText.Squeeze(text.AsSpan(Math.Max(start, match.Index - 60), match.Index + match.Length - Math.Max(start, match.Index - 60)));
            var candidate = new CallAmount(euros, k, evidence);
            if (best is null || k < best.Kind)
            {
                best = candidate;
            }
        }
        return best;
    }

    private static bool IsPast(string sentence, int? callYear)
    {
        if (CurrentEdition().IsMatch(sentence))
        {
            return false;
        }
        if (PastEdition().IsMatch(sentence))
        {
            return true;
        }
        if (callYear is { } year)
        {
            for (var match = YearTag().Match(sentence); match.Success; match = match.NextMatch())
            {
                if (int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) < year)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static decimal? Value(Match match)
    {
        var digits = match.Groups["int"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        if (match.Groups["dec"].Success)
        {
            var dec = match.Groups["dec"].Value;
            value += decimal.Parse(dec, CultureInfo.InvariantCulture) / (decimal)Math.Pow(10, dec.Length);
        }
        var unit = match.Groups["unit"].Value;
        if (unit.StartsWith('k'))
        {
            value *= 1_000m;
        }
        else if (unit.StartsWith('m'))
        {
            value *= unit.StartsWith("milliard", StringComparison.Ordinal) ? 1_000_000_000m : 1_000_000m;
        }
        return value;
    }

    [GeneratedRegex(@"(?<![\d.,])(?<int>\d{1,3}(?:[ .]\d{3}){1,4}|\d{1,15})(?:,(?<dec>\d{1,2}))?\s{0,3}(?<unit>k\s?€|keur\b|k ?euros?\b|m\s?€|meur\b|millions? d'euros|milliards? d'euros|€|euros?\b|eur\b)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Money();

    // Sentences only: PDF text breaks lines (and blank lines) inside sentences, and "AAP 2025… a financé X €" must stay whole.
    [GeneratedRegex(@"[.!?](?=\s|\p{Lu})|;", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"redevance|loyer|chiffre d'affaires|capital|revenus?|frais de (?:dossier|participation|inscription)|cotisation|tarif|prix (?:de vente|d'entree)|superieur(?:e|s)? (?:ou egal )?a\s{0,3}$|\bminimum (?:de )?\s{0,3}$|\bau moins\s{0,3}$|\bplancher|\bseuil|\bbilletterie", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NotFunding();

    [GeneratedRegex(@"\A\s*(?:/|par (?:m|jour|mois|an|nuit|personne|participant|repas|place))|\A\s*(?:du|le|au) m", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NotFundingAfter();

    [GeneratedRegex(@"enveloppe|montant (?:global|total)|\bau total\b|\btotal de\b|\bbudget (?:global|total|de l'appel|alloue|consacre)|\bdote(?:e)? de\b|\bdotation|\bfonds de\b|\breparti|\bmobilise", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex TotalCue();

    [GeneratedRegex(@"maximum|maximal|plafon|jusqu'a|au plus\b|dans la limite de|ne (?:pourra|peut) (?:pas )?depasser|n'excedant pas", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex MaximumCue();

    [GeneratedRegex(@"\A\s*(?:maximum\s*)?(?:par (?:projet|structure|porteur|action|laureat|candidat|dossier|an))", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PerProject();

    [GeneratedRegex(@"subvention|financ|aide|soutien|prise en charge|dotation|enveloppe|budget|laureat|prix", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex FundingWord();

    [GeneratedRegex(@"\bcette annee\b|\bcette edition\b|\bpour (?:la|cette) (?:presente )?edition\b|\bsera de\b|\bseront de\b|\best de\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex CurrentEdition();

    [GeneratedRegex(@"derniere edition|editions? (?:precedentes?|anterieures?|passees?)|precedente edition|l'an (?:dernier|passe)|l'annee (?:derniere|passee)|s'echelonnaient|ont fait l'objet|ont ete (?:attribue|alloue|verse|accorde)|a ete (?:attribue|alloue|verse|accorde)|avaient ete|ont beneficie|a permis de financer|ont permis", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PastEdition();

    [GeneratedRegex(@"\b(?:aap|appel a projets|edition|en|campagne|session|exercice)\s+(?<y>20\d\d)\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex YearTag();
}
