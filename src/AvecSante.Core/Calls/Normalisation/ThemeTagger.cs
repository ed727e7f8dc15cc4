using System.Buffers;
using System.Text.RegularExpressions;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Themes from the controlled list (<see cref="Themes"/> codes) by accent-insensitive keyword rules.
/// "Prévention" alone is not health: the word is read with what follows it, so the prevention of business
/// failures, of fights between youths or of flood risks is not tagged "prevention" (health prevention, PPS).
/// </summary>
public static partial class ThemeTagger
{
    private static readonly (string Group, string Theme)[] Groups =
    [
        ("mental", "sante-mentale"),
        ("addict", "addictions"),
        ("sexual", "vie-affective-sexuelle"),
        ("nutrition", "nutrition-activite-physique"),
        ("environment", "sante-environnement"),
        ("poverty", "precarite"),
        ("cancer", "depistage-cancers"),
        ("vaccine", "vaccination"),
        ("perinatal", "perinatalite"),
        ("ageing", "vieillissement"),
        ("chronic", "maladies-chroniques"),
        ("etp", "etp"),
        ("coordinated", "exercice-coordonne"),
        ("access", "acces-aux-soins"),
    ];

    public static IReadOnlyList<string> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tag(text, FrenchText.FoldSameLength(text));
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static IReadOnlyList<string> Tag(string text, string folded)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var match = Keyword().Match(folded); match.Success; match = match.NextMatch())
        {
            if (InOrganisationName(text, match.Index) || IsContextOnly(folded, match))
            {
                continue;
            }
            foreach (var (group, theme) in Groups)
            {
                if (match.Groups[group].Success)
                {
                    found.Add(theme);
                    break;
                }
            }
        }
        if (IsHealthPrevention(text, folded))
        {
            found.Add("prevention");
        }
        return [.. Themes.Labels.Keys.Where(found.Contains)];
    }

    /// <summary>
    /// Health prevention is decided here rather than by a keyword. Each "prévention"/"prévenir" is read with the
    /// words after it: a non-health object (rixes, entreprises, inondation…) makes it non-health, a health word makes it health. A bare one counts only when no non-health
    /// one was seen and another health theme is present.
    /// </summary>
    private static bool IsHealthPrevention(string text, string folded)
    {
        var health = false;
        var bare = false;
        var notHealth = false;
        for (var match = PreventionWord().Match(folded); match.Success; match = match.NextMatch())
        {
            if (match.Groups["pps"].Success)
            {
                if (!InOrganisationName(text, match.Index))
                {
                    health = true;
                }
                continue;
            }
            var end = match.Index + match.Length;
            var after = folded.AsSpan(end, Math.Min(70, folded.Length - end));
            if (NonHealthObject().IsMatch(after) || NonHealthBefore().IsMatch(folded.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index))))
            {
                notHealth = true;
            }
            else if (HealthObject().IsMatch(after))
            {
                if (!InOrganisationName(text, match.Index))
                {
                    health = true;
                }
            }
            else
            {
                bare = true;
            }
        }
        return health || (bare && !notHealth && folded.AsSpan().ContainsAny(OtherHealthThemeWords));
    }

    /// <summary>"Le vieillissement de la population" is the context of many calls (training, housing), not their theme.</summary>
    private static bool IsContextOnly(string folded, Match match) =>
        match.Groups["ageing"].Success
        && folded.AsSpan(match.Index + match.Length).StartsWith(" de la population", StringComparison.Ordinal);

    /// <summary>"Service Promotion de la santé…", "Sous-direction de la Santé environnementale": a department's name is not a theme.</summary>
    private static bool InOrganisationName(string text, int index)
    {
        var start = Math.Max(0, index - 45);
        return OrganisationBefore().IsMatch(text.AsSpan(start, index - start));
    }

    // NonBacktracking stays here (the generator cannot emit it, so this one is built at start-up): with ~120 keyword
    // prefixes the backtracking scanners, case-sensitive or FoldedOptions, measured 10 times slower on call pages.
    [GeneratedRegex(@"(?<mental>\bsante mentale\b|\bpsychique|\bpsychiatri|\bsouffrance psych|\bsuicid|\btroubles? psych|\bbien-etre (?:mental|psych)|\bsoutien psychologique|\baccompagnement psychologique|\bpremiers secours en sante mentale)" +
        @"|(?<addict>\baddict|\btabac|\btabagisme|\balcool|\bcannabis|\bproduits psychoactifs|\bsubstances psychoactives|\bdrogues?\b|\bconduites addictives|\bmois sans tabac|\bsevrage|\bexposition aux ecrans|\busages? (?:excessifs? )?des ecrans|\btemps d'ecran|\busages? a risques? du numerique)" +
        @"|(?<sexual>\bvie (?:affective|relationnelle,? affective)|\beducation (?:affective|a la sexualite|sexuelle)|\bsante sexuelle|\bsexualite|\bcontraception|\bivg\b|\binfections? sexuellement|\bvih\b|\bist\b)" +
        @"|(?<nutrition>\bnutrition\b|\bactivites? physiques?|\bsport[ -]sante|\bsedentarite|\bobesite|\bsurpoids|\bequilibre alimentaire|\bhabitudes alimentaires|\bmanger bouger|\bactivite physique adaptee)" +
        @"|(?<environment>\bsante[ -]environnement|\bsante environnementale|\bqualite de l'air interieur|\bperturbateurs endocriniens|\bune seule sante\b|\bone health\b|\bexposome|\bradon\b|\bpollution de l'air)" +
        @"|(?<poverty>\bprecarit|\bprecaires?\b|\bpauvrete|\bsans[ -]abri|\bsans domicile|\bgrande exclusion|\bpersonnes? a la rue\b)" +
        @"|(?<cancer>\bcancers?\b|\bdepistage organise|\boctobre rose|\bmars bleu)" +
        @"|(?<vaccine>\bvaccin)" +
        @"|(?<perinatal>\bperinatal|\b1 ?000 premiers jours|\bfemmes? enceintes?|\bsuivi de (?:la )?grossesse|\bpost-?partum|\ballaitement|\bprenatal)" +
        @"|(?<ageing>\bvieillissement\b|\bbien vieillir|\bpersonnes? agees|\bseniors?\b|\bperte d'autonomie|\bprevention des chutes|\brisques? de chutes?|\bgrand age\b|\behpad)" +
        @"|(?<chronic>\bmaladies? chroniques?|\bpathologies? chroniques?|\bdiabet|\binsuffisance (?:cardiaque|renale|respiratoire)|\bbpco\b|\bhypertension|\basthme|\baffections? de longue duree)" +
        @"|(?<etp>\beducation therapeutique|\bprogrammes? d'etp\b)" +
        @"|(?<coordinated>\bexercice (?:coordonne|pluriprofessionnel)|\bcoordination (?:des soins|pluriprofessionnelle)|\bprotocoles? de cooperation|\bcreation (?:d'une |de |des )?(?:msp|maisons? de sante|cpts|centres? de sante))" +
        @"|(?<access>\bacces aux soins|\bdeserts? medicaux|\bdesert medical|\boffre de soins|\bdemographie medicale|\bprofessionnels de sante liberaux|\binstallation des (?:medecins|professionnels de sante)|\bzones? sous-dotees?|\bzones? d'intervention prioritaire)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"(?<pps>\bpromotion de la sante|\bprevention (?:en |de la )?sante\b|\beducation (?:pour|a) la sante)|\bprevention\b|\bpreventi(?:f|ve|ves|fs)\b|\bprevenir\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PreventionWord();

    [GeneratedRegex(@"\A\s*(?:\)|-)?\s*(?:des?|du|de la|de l'|d'|contre (?:les?|la|l')?)?\s*(?:phenomenes? de |risques? d'|actes? de |situations? de )?(?:rixes?|difficultes|defaillances?|entreprises?|delinquance|inondations?|crues?|risques (?:d'inondation|naturels|technologiques|professionnels)|radicalisation|armes?|dechets?|expulsions?|discriminations?|violences (?:urbaines|sexistes)|incendies?|conflits?|impayes|surendettement|faillites?|(?:mandat|procedures?) ad hoc|conciliation|amiables?|ruptures?|fraudes?|corruption|harcelement scolaire|decrochage|securite|specialisee|situationnelle|routiere)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NonHealthObject();

    [GeneratedRegex(@"(?:procedures? (?:amiables? )?(?:de )?|cheque |plan de |mandat ad hoc ou |strategie parisienne de |mois (?:parisien )?de (?:la )?)\s*\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NonHealthBefore();

    [GeneratedRegex(@"sante|maladie|addict|tabac|alcool|cancer|chute|autonomie|conduites? a risques?|suicide|vaccin|infection|obesite|psych|sexuel|nutrition|bucco|iatrogen|ecrans|drogue|substances|produits psychoactifs|soins|perinatal|grossesse|vih|\bist\b|hygiene|epuisement|burn|dependance|perte", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex HealthObject();

    /// <summary>Plain words, no anchors: a multi-string search (it was a regex alternation of the same words) is enough and faster.</summary>
    private static readonly SearchValues<string> OtherHealthThemeWords = SearchValues.Create(
        ["sante", "addict", "tabac", "alcool", "cancer", "vaccin", "psych", "sexual", "nutrition", "autonomie", "chronique", "maladie", "soins"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"(?:Sous-direction|Direction|Service|Mission|Bureau|Pôle|Délégation)\b[^.;:\n]{0,40}\z", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex OrganisationBefore();
}
