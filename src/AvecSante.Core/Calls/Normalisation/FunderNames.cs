using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Organisations named in a call's text, read the way a person reads them: the one the text says launches or funds
/// the call first ("La Fondation X lance…", "l'appel à projets de la DREETS…", "financé par…"), else the first named
/// near the top. Names are cut at the end of the organisation's name (capitalised words and their connectors), never
/// mid-sentence; regions and departments only by their real names ("Région Nouvelle-Aquitaine", not "Région Nouvelle").
/// One canonical name per known organisation, whatever alias the text uses ("CPAM 29" = "CPAM du Finistère").
/// </summary>
public static partial class FunderNames
{
    private const int TopOfText = 2500;

    private static readonly string[] Regions =
    [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
        "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
        "Provence-Alpes-Côte d'Azur", "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte",
    ];

    private static readonly string[] Departments =
    [
        "Ain", "Aisne", "Allier", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes", "Ardèche", "Ardennes", "Ariège",
        "Aube", "Aude", "Aveyron", "Bouches-du-Rhône", "Calvados", "Cantal", "Charente", "Charente-Maritime", "Cher", "Corrèze",
        "Corse-du-Sud", "Haute-Corse", "Côte-d'Or", "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs", "Drôme", "Eure",
        "Eure-et-Loir", "Finistère", "Gard", "Haute-Garonne", "Gers", "Gironde", "Hérault", "Ille-et-Vilaine", "Indre",
        "Indre-et-Loire", "Isère", "Jura", "Landes", "Loir-et-Cher", "Loire", "Haute-Loire", "Loire-Atlantique", "Loiret", "Lot",
        "Lot-et-Garonne", "Lozère", "Maine-et-Loire", "Manche", "Marne", "Haute-Marne", "Mayenne", "Meurthe-et-Moselle", "Meuse",
        "Morbihan", "Moselle", "Nièvre", "Nord", "Oise", "Orne", "Pas-de-Calais", "Puy-de-Dôme", "Pyrénées-Atlantiques",
        "Hautes-Pyrénées", "Pyrénées-Orientales", "Bas-Rhin", "Haut-Rhin", "Rhône", "Haute-Saône", "Saône-et-Loire", "Sarthe",
        "Savoie", "Haute-Savoie", "Paris", "Seine-Maritime", "Seine-et-Marne", "Yvelines", "Deux-Sèvres", "Somme", "Tarn",
        "Tarn-et-Garonne", "Var", "Vaucluse", "Vendée", "Vienne", "Haute-Vienne", "Vosges", "Yonne", "Territoire de Belfort",
        "Essonne", "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise",
    ];

    /// <summary>Long forms of bodies known by their acronym ("Agence régionale de santé Bretagne" = "ARS Bretagne").</summary>
    private static readonly (string LongForm, string Acronym)[] LongForms =
    [
        ("agence regionale de sante", "ARS"),
        ("caisse primaire d'assurance maladie", "CPAM"),
        ("caisses primaires d'assurance maladie", "CPAM"),
        ("caisse d'allocations familiales", "CAF"),
        ("caisse nationale de solidarite pour l'autonomie", "CNSA"),
        ("mutualite sociale agricole", "MSA"),
        ("direction regionale de l'economie, de l'emploi, du travail et des solidarites", "DREETS"),
        ("direction regionale des affaires culturelles", "DRAC"),
        ("agence nationale de la cohesion des territoires", "Agence nationale de la cohésion des territoires (ANCT)"),
        ("agence de la transition ecologique", "ADEME"),
    ];

    /// <summary>Folded alias → canonical name. Acronyms and long forms of State bodies and national funders.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ademe"] = "ADEME",
        ["agence de la transition ecologique"] = "ADEME",
        ["anct"] = "Agence nationale de la cohésion des territoires (ANCT)",
        ["agence nationale de la cohesion des territoires"] = "Agence nationale de la cohésion des territoires (ANCT)",
        ["anah"] = "Agence nationale de l'habitat (Anah)",
        ["agence nationale de l'habitat"] = "Agence nationale de l'habitat (Anah)",
        ["cnsa"] = "CNSA",
        ["caisse nationale de solidarite pour l'autonomie"] = "CNSA",
        ["inca"] = "Institut national du cancer (INCa)",
        ["institut national du cancer"] = "Institut national du cancer (INCa)",
        ["mildeca"] = "MILDECA",
        ["banque des territoires"] = "Banque des Territoires",
        ["bpifrance"] = "Bpifrance",
        ["france travail"] = "France Travail",
        ["caf"] = "CAF",
        ["carsat"] = "CARSAT",
        ["cnam"] = "Assurance Maladie",
        ["assurance maladie"] = "Assurance Maladie",
        ["ars"] = "ARS",
        ["dreets"] = "DREETS",
        ["ddets"] = "DDETS",
        ["drac"] = "DRAC",
        ["draaf"] = "DRAAF",
        ["dreal"] = "DREAL",
        ["drajes"] = "DRAJES",
        ["fir"] = "ARS",
        ["union europeenne"] = "Union européenne",
        ["mairie de paris"] = "Ville de Paris",
        ["sante publique france"] = "Santé publique France",
        ["cpam"] = "CPAM",
        ["msa"] = "MSA",
        ["commission europeenne"] = "Commission européenne",
    };

    /// <summary>The funder the text names: who launches or funds the call, else the first organisation near the top.</summary>
    public static string? Find(string text, string folded) => FindLauncher(text, folded) ?? FindNamed(text, folded);

    /// <summary>The organisation the text says launches or funds the call ("X lance", "appel à projets de X", "financé par X").</summary>
    public static string? FindLauncher(string text, string folded)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(folded);
        var scanned = 0;
        for (var cue = LaunchCue().Match(folded); cue.Success && scanned < 200; cue = cue.NextMatch(), scanned++)
        {
            var after = cue.Groups["after"].Success;
            var name = after ? NameAt(text, folded, cue.Index + cue.Length) : NameEndingAt(text, folded, cue.Index, out var start) is { } subject ? FirstOfCoordination(text, folded, subject, start) : null;
            if (name is not null)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>
    /// "Le ministère X (…) et le ministère Y ont lancé": the first of organisations joined by "et" before the
    /// verb is the one a person names first.
    /// </summary>
    private static string FirstOfCoordination(string text, string folded, string name, int start)
    {
        for (var hops = 0; hops < 3; hops++)
        {
            var joined = Joined().Match(folded, Math.Max(0, start - 12), start - Math.Max(0, start - 12));
            if (!joined.Success || NameEndingAt(text, folded, joined.Index, out var earlier) is not { } previous)
            {
                break;
            }
            (name, start) = (previous, earlier);
        }
        return name;
    }

    /// <summary>
    /// "La Région soutient les projets" on a page naming one region only: that region. A bare "la Région" is no name, but
    /// with a single region in the text there is no doubt which one.
    /// </summary>
    public static string? FindTerritoryLauncher(string foldedTitle, string foldedText)
    {
        ArgumentNullException.ThrowIfNull(foldedTitle);
        ArgumentNullException.ThrowIfNull(foldedText);
        if (!BareRegionLauncher().IsMatch(foldedText))
        {
            return null;
        }
        var named = Regions.Where(r => Names(foldedTitle, r) || Names(foldedText, r)).ToList();
        return named.Count == 1 ? "Région " + named[0] : null;
    }

    /// <summary>The folded text names the region as a whole word ("ile-de-france", not "iledefrance.fr").</summary>
    private static bool Names(string folded, string region)
    {
        var name = FrenchText.FoldSameLength(region);
        for (var at = folded.IndexOf(name, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !(char.IsLetterOrDigit(folded[at - 1]) || folded[at - 1] == '-')) && (end == folded.Length || !(char.IsLetterOrDigit(folded[end]) || folded[end] == '-')))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first organisation named near the top of the text.</summary>
    public static string? FindNamed(string text, string folded)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(folded);
        var top = Math.Min(folded.Length, TopOfText);
        string? first = null;
        for (var start = OrganisationStart().Match(folded, 0, top); start.Success; start = start.NextMatch())
        {
            if (NameAt(text, folded, start.Index) is not { } name)
            {
                continue;
            }
            if (first is null)
            {
                first = name;
            }
            else if (name.StartsWith("Fondation ", StringComparison.Ordinal) && FrenchText.FoldSameLength(name).Contains(FrenchText.FoldSameLength(first), StringComparison.Ordinal))
            {
                // "Le groupe RATP" in a breadcrumb, then "Fondation Groupe RATP": the page is the foundation's.
                return name;
            }
        }
        return first;
    }

    /// <summary>The canonical name of a funder named by a source or a person ("CPAM 29", "conseil régional de Bretagne").</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var squeezed = FrenchText.Squeeze(name).Trim(' ', ',', ';', '.', '-');
        var folded = FrenchText.FoldSameLength(squeezed);
        if (Aliases.TryGetValue(folded, out var alias))
        {
            return alias;
        }
        // "Agence Nationale de l'Habitat (ANAH)": the long form or the acronym may be known.
        if (ExplainedAcronym().Match(folded) is { Success: true } explained
            && (Aliases.TryGetValue(explained.Groups["long"].Value, out alias) || Aliases.TryGetValue(explained.Groups["acronym"].Value, out alias)))
        {
            return alias;
        }
        // A source or a person gives a whole name: it is kept whole unless it reads as a known body or a territory.
        var named = NameAt(squeezed, folded, 0);
        return named is null || (named.Length < squeezed.Length && squeezed.StartsWith(named, StringComparison.OrdinalIgnoreCase)) ? squeezed : named;
    }

    /// <summary>"Département de la Manche" for a site named "manche" or "lamanche" (the department's own site), else null.</summary>
    internal static string? DepartmentOfSiteName(string label)
    {
        foreach (var department in Departments)
        {
            var bare = FrenchText.FoldSameLength(department).Replace("-", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            var article = FrenchText.FoldSameLength(DepartmentArticle(department)).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
            if (label == bare || label == article.Replace("de", string.Empty, StringComparison.Ordinal) + bare)
            {
                return "Département " + DepartmentArticle(department) + department;
            }
        }
        return null;
    }

    /// <summary>An organisation's name starting exactly at <paramref name="index"/> (after spaces and an article), or null.</summary>
    private static string? NameAt(string text, string folded, int index)
    {
        var length = Math.Min(200, folded.Length - index);
        if (length <= 0)
        {
            return null;
        }
        var match = Organisation().Match(folded, index, length);
        if (!match.Success)
        {
            return null;
        }
        var head = match.Groups["head"];
        var original = text.AsSpan(head.Index, head.Length);
        return Name(match, original.ToString(), text, folded, head.Index + head.Length);
    }

    /// <summary>The organisation that ends where a launch verb starts ("La Fondation X lance").</summary>
    private static string? NameEndingAt(string text, string folded, int verbIndex, out int nameStart)
    {
        var from = Math.Max(0, verbIndex - 120);
        for (var start = OrganisationStart().Match(folded, from, verbIndex - from); start.Success; start = start.NextMatch())
        {
            if (NameAt(text, folded, start.Index) is { } name && !Sheltering().IsMatch(folded.AsSpan(Math.Max(0, start.Index - 24), Math.Min(24, start.Index))))
            {
                var end = start.Index + name.Length;
                // The name must reach the verb (a comma or a parenthesis between is fine).
                if (verbIndex - end <= 40)
                {
                    nameStart = start.Index;
                    return name;
                }
            }
        }
        nameStart = -1;
        return null;
    }

    private static string? Name(Match match, string head, string text, string folded, int headEnd)
    {
        var kind = FrenchText.FoldSameLength(head);
        if (match.Groups["region"].Success || match.Groups["departement"].Success || kind is "conseil regional" or "conseil departemental")
        {
            return Territory(match.Groups["region"].Success || kind == "conseil regional", text, folded, headEnd);
        }
        if (match.Groups["acronym"].Success)
        {
            var acronym = text.Substring(match.Groups["acronym"].Index, match.Groups["acronym"].Length);
            if (!acronym.Any(char.IsUpper))
            {
                return null;
            }
            var canonical = Aliases.TryGetValue(kind, out var known) ? known : acronym;
            return WithPlace(canonical, text, folded, headEnd);
        }
        if (Aliases.TryGetValue(kind, out var alias))
        {
            return alias;
        }
        var headStart = match.Groups["head"].Index;
        foreach (var (longForm, acronym) in LongForms)
        {
            if (folded.AsSpan(headStart).StartsWith(longForm, StringComparison.Ordinal))
            {
                return WithPlace(acronym, text, folded, headStart + longForm.Length);
            }
        }
        // Foundations, funds, ministries, institutes, caisses, directorates: the capitalised words after the head, or the
        // whole long form an acronym explains ("Caisse nationale d'assurance vieillesse (CNAV)").
        var end = Math.Max(ProperNameEnd(text, headEnd), AcronymEnd(text, headStart));
        var name = FrenchText.Squeeze(text.AsSpan(headStart, end - headStart));
        if (name.Length <= head.Length + 1)
        {
            return null; // "le ministère", "la Fondation": a reference to a name, not one
        }
        name = char.ToUpperInvariant(name[0]) + name[1..];
        return Aliases.TryGetValue(FrenchText.FoldSameLength(name), out var longAlias) ? longAlias : name;
    }

    /// <summary>
    /// Where a long form explained by its acronym ends, just after the parenthesis: the words from the head to "(" are
    /// plain words whose initials (articles and connectors aside) spell the acronym. 0 when there is none.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NotInAName = System.Buffers.SearchValues.Create(".,;:!?\n\"«»()");

    private static int AcronymEnd(string text, int headStart)
    {
        var open = text.IndexOf('(', headStart, Math.Min(160, text.Length - headStart));
        if (open < 0)
        {
            return 0;
        }
        var close = text.IndexOf(')', open, Math.Min(14, text.Length - open));
        if (close < 0)
        {
            return 0;
        }
        var acronym = text[(open + 1)..close].Trim();
        var span = text.AsSpan(headStart, open - headStart);
        if (acronym.Length is < 2 or > 10 || !acronym.All(char.IsLetter) || acronym.Count(char.IsUpper) < 2
            || span.ContainsAny(NotInAName))
        {
            return 0;
        }
        var initials = new System.Text.StringBuilder();
        foreach (var word in FrenchText.FoldSameLength(span.ToString()).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Connectors.Contains(word) && word is not ("avec" or "l" or "d"))
            {
                initials.Append(word[0]);
            }
        }
        return string.Equals(initials.ToString(), FrenchText.FoldSameLength(acronym), StringComparison.Ordinal) ? close + 1 : 0;
    }

    /// <summary>"Région Nouvelle-Aquitaine", "Département de la Drôme": only a real region or department name.</summary>
    private static string? Territory(bool region, string text, string folded, int headEnd)
    {
        var rest = folded.AsSpan(headEnd, Math.Min(60, folded.Length - headEnd));
        var skip = 0;
        while (skip < rest.Length && rest[skip] == ' ')
        {
            skip++;
        }
        foreach (var article in new[] { "de la ", "du ", "des ", "de l'", "d'", "de " })
        {
            if (rest[skip..].StartsWith(article, StringComparison.Ordinal))
            {
                skip += article.Length;
                break;
            }
        }
        foreach (var candidate in region ? Regions : Departments)
        {
            var foldedName = FrenchText.FoldSameLength(candidate);
            var tail = rest[skip..];
            if (tail.StartsWith(foldedName, StringComparison.Ordinal) && (tail.Length == foldedName.Length || !char.IsLetter(tail[foldedName.Length]) && tail[foldedName.Length] != '-'))
            {
                return region ? "Région " + candidate : "Département " + DepartmentArticle(candidate) + candidate;
            }
        }
        if (region && (rest[skip..].StartsWith("sud", StringComparison.Ordinal) || rest[skip..].StartsWith("paca", StringComparison.Ordinal)))
        {
            return "Région Provence-Alpes-Côte d'Azur";
        }
        return null;
    }

    private static string DepartmentArticle(string name)
    {
        var first = FrenchText.FoldSameLength(name[..1]);
        if ("aeiouyh".Contains(first, StringComparison.Ordinal))
        {
            return "de l'";
        }
        if (name.Contains('-', StringComparison.Ordinal) && (name.StartsWith("Hautes-", StringComparison.Ordinal) || name.StartsWith("Alpes-", StringComparison.Ordinal) || name.StartsWith("Pyrénées-", StringComparison.Ordinal) || name.StartsWith("Bouches-", StringComparison.Ordinal) || name.StartsWith("Côtes-", StringComparison.Ordinal) || name.StartsWith("Deux-", StringComparison.Ordinal) || name.StartsWith("Hauts-", StringComparison.Ordinal) || name.StartsWith("Yvelines", StringComparison.Ordinal)))
        {
            return "des ";
        }
        return name is "Paris" or "Mayotte" ? "de " : FeminineDepartments.Contains(name) ? "de la " : "du ";
    }

    private static readonly HashSet<string> FeminineDepartments = new(StringComparer.Ordinal)
    {
        "Charente", "Charente-Maritime", "Corrèze", "Corse-du-Sud", "Haute-Corse", "Côte-d'Or", "Creuse", "Dordogne", "Drôme",
        "Gironde", "Haute-Garonne", "Haute-Loire", "Loire", "Loire-Atlantique", "Lozère", "Manche", "Marne", "Haute-Marne",
        "Mayenne", "Meurthe-et-Moselle", "Meuse", "Moselle", "Nièvre", "Sarthe", "Savoie", "Haute-Savoie", "Seine-Maritime",
        "Seine-et-Marne", "Somme", "Vendée", "Vienne", "Haute-Vienne", "Haute-Saône", "Saône-et-Loire", "Seine-Saint-Denis",
    };

    /// <summary>"DREETS Bretagne", "ARS Occitanie", "CPAM 29": an acronym with its place when one follows.</summary>
    private static string WithPlace(string canonical, string text, string folded, int headEnd)
    {
        if (canonical.Contains(' ', StringComparison.Ordinal))
        {
            return canonical;
        }
        var rest = folded.AsSpan(headEnd, Math.Min(40, folded.Length - headEnd));
        foreach (var region in Regions)
        {
            var f = FrenchText.FoldSameLength(region);
            foreach (var prefix in new[] { " ", " de ", " d'", " en ", " du ", " des ", " de la " })
            {
                if (rest.StartsWith(prefix + f, StringComparison.Ordinal))
                {
                    return canonical + " " + region;
                }
            }
        }
        return canonical;
    }

    /// <summary>Capitalised words and the connectors between them ("Fondation d'entreprise Crédit Agricole Bretagne").</summary>
    private static int ProperNameEnd(string text, int from)
    {
        var end = from;
        var i = from;
        var words = 0;
        while (i < text.Length && words < 9)
        {
            var (j, k) = NextWord(text, i);
            if (k == j)
            {
                break;
            }
            var raw = text.AsSpan(j, k - j);
            var word = raw.TrimEnd('.');
            if (word.IsEmpty)
            {
                break;
            }
            var folded = FrenchText.FoldSameLength(word.ToString());
            if (folded == "et" && FrenchText.FoldSameLength(text.AsSpan(k, Math.Min(4, text.Length - k))).StartsWith(" l'", StringComparison.Ordinal))
            {
                // "Ministère de la Culture et l'Office…": two organisations, not one name.
                break;
            }
            // An adjective right after a capitalised word belongs to the name ("Affaires étrangères", "Transition écologique").
            if ((end == j - 1 || end == j - 2) && char.IsLower(word[0]) && AdjectiveEnding().IsMatch(folded))
            {
                end = j + word.Length;
            }
            else if (!NameGoesOn(raw, word, folded, j, ref end))
            {
                break;
            }
            i = k;
            words++;
        }
        return end;
    }

    /// <summary>The next word from <paramref name="from"/>, spaces skipped: [start, end), empty when none.</summary>
    private static (int Start, int End) NextWord(string text, int from)
    {
        var j = from;
        while (j < text.Length && text[j] is ' ' or '\u00A0')
        {
            j++;
        }
        var k = j;
        while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '-' or '\'' or '\u2019' or '&' or '.'))
        {
            k++;
        }
        return (j, k);
    }

    /// <summary>
    /// Whether a name goes on past this word: a capitalised word (or a number) extends it, a connector ("de", "d'…")
    /// is crossed, anything else ends it.
    /// </summary>
    private static bool NameGoesOn(ReadOnlySpan<char> raw, ReadOnlySpan<char> word, string folded, int wordStart, ref int end)
    {
        if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
        {
            end = wordStart + word.Length;
            // "Fondation X. Elle soutient…": a full stop ends the name.
            return !(raw.Length > word.Length && word.Length > 1);
        }
        var elided = folded.StartsWith("d'", StringComparison.Ordinal) || folded.StartsWith("l'", StringComparison.Ordinal);
        if (!Connectors.Contains(folded) && !elided)
        {
            return false;
        }
        if (elided && word.Length > 2 && char.IsUpper(word[2]))
        {
            end = wordStart + word.Length;
        }
        return true;
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "de", "du", "des", "la", "le", "les", "pour", "et", "d'entreprise", "en", "sur", "a", "au", "aux", "l'" };

    // Heads of organisation names, folded; a name starts at one of them (with an optional article before it).
    private const string Heads = @"(?<ministry>ministere)|fondation|fonds|institut|mutuelle|caisse|agence|direction|delegation|prefecture|office|banque|conseil regional|conseil departemental|collectivite|communaute|metropole|ville|commune|association|federation|union|entreprise|groupe|mairie|province|sante publique france|(?<region>region)|(?<departement>departement)|(?<acronym>ademe|anct|anah|cnsa|inca|mildeca|bpifrance|france travail|caf|carsat|cnam|cpam|msa|ars|dreets|ddets|drac|draaf|dreal|drajes)";

    [GeneratedRegex(@"(?<![\w-])et\s{1,3}(?:la |le |les |l')?\s{0,2}\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Joined();

    // "Placée sous l'égide de la Fondation de France, la Fondation soutient…": the sheltering foundation is not the actor.
    [GeneratedRegex(@"(?:egide|abritee? par)\s{0,3}(?:de la |du |des |de l'|de |d')?\s{0,3}(?:la |le |l')?\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Sheltering();

    [GeneratedRegex(@"(?<![\w-])la region\s{1,3}(?:soutient|finance|lance|accompagne|propose|favorise|attribue|apporte)(?![\w-])", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex BareRegionLauncher();

    [GeneratedRegex(@"\A(?<long>.{4,150}) \((?<acronym>[a-z]{2,10})\)\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex ExplainedAcronym();

    [GeneratedRegex(@"(?:ique|iques|ale|ales|aux|elle|elles|ere|eres|aire|aires|ienne|iennes|aise|aises|ee|ees|ive|ives)\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex AdjectiveEnding();

    [GeneratedRegex(@"\G(?:\s{0,3}(?:la |le |les |l'))?\s{0,3}(?<head>(?:" + Heads + @"))(?![\w-])", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Organisation();

    [GeneratedRegex(@"(?<![\w-])(?:" + Heads + @")(?![\w-])", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex OrganisationStart();

    // "X lance / organise / propose / ouvre / soutient / finance" (name before), or "appel à projets de / financé par /
    // à l'initiative de / avec le soutien de / porté par" (name after).
    [GeneratedRegex(@"(?<![\w-])(?:lance|lancent|organise|propose|ouvre|renouvelle|soutient|finance|accompagne|publie)(?![\w-])|(?<after>(?<![\w-])(?:appels? a (?:projets?|candidatures?|manifestation d'interet)|aap|ami|finance(?:e|s|es)? par|a l'initiative d[eu']|avec le soutien d[eu']|porte(?:e)? par|soutenu(?:e)? par|mis en place par)(?:\s{1,3}(?:de la|du|des|de l'|de|d'|l'|la|le|les))?(?:\s{1,3}|(?<=')))", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex LaunchCue();
}
