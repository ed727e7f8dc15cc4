using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

public enum FunderKind
{
    Unknown,
    ArsBretagne,
    Cpam,
    Msa,
    RegionBretagne,
    FondationDeFrance,
    Mutuelle,
    SantePubliqueFrance,

    /// <summary>Any other funder; its name says which (Région Île-de-France, Ville de Paris…).</summary>
    Other,
}

/// <summary>A funder: a stable code for filters, a name people read, and the department of a CPAM.</summary>
public sealed record Funder(FunderKind Kind, string Code, string Name)
{
    /// <summary>22, 29, 35 or 56 for a CPAM (or an MSA) of one department.</summary>
    public string? Department { get; init; }

    public static Funder Unknown { get; } = new(FunderKind.Unknown, "unknown", "Financeur non identifié");
}

/// <summary>
/// Who funds a call: first the web address it was published at, then the sender of the mail it came in, then the text
/// (the title before the body, since the body also names partners).
/// </summary>
public static partial class FunderClassifier
{
    private static readonly Dictionary<string, string> CpamNames = new(StringComparer.Ordinal)
    {
        ["22"] = "CPAM des Côtes-d'Armor",
        ["29"] = "CPAM du Finistère",
        ["35"] = "CPAM d'Ille-et-Vilaine",
        ["56"] = "CPAM du Morbihan",
    };

    private static readonly Funder Ars = new(FunderKind.ArsBretagne, "ars-bretagne", "ARS Bretagne");
    private static readonly Funder RegionBretagne = new(FunderKind.RegionBretagne, "region-bretagne", "Région Bretagne");
    private static readonly Funder FondationDeFrance = new(FunderKind.FondationDeFrance, "fondation-de-france", "Fondation de France");
    private static readonly Funder SantePubliqueFrance = new(FunderKind.SantePubliqueFrance, "sante-publique-france", "Santé publique France");

    /// <summary>Known sites, by host suffix. Order matters: the more specific first.</summary>
    private static readonly (string Host, Func<string, string?, Funder> Funder)[] Hosts =
    [
        ("bretagne.ars.sante.fr", (_, _) => Ars),
        ("ars.sante.fr", (host, _) => new Funder(FunderKind.Other, "other", "ARS " + host.Split('.')[0])),
        ("ameli.fr", (_, department) => Cpam(department ?? string.Empty)),
        ("assurance-maladie.fr", (_, department) => Cpam(department ?? string.Empty)),
        ("cnamts.fr", (_, department) => Cpam(department ?? string.Empty)),
        ("armorique.msa.fr", (_, _) => new Funder(FunderKind.Msa, "msa", "MSA d'Armorique")),
        ("portesdebretagne.msa.fr", (_, _) => new Funder(FunderKind.Msa, "msa", "MSA Portes de Bretagne")),
        ("msa.fr", (_, _) => new Funder(FunderKind.Msa, "msa", "MSA")),
        ("bretagne.bzh", (_, _) => RegionBretagne),
        ("fondationdefrance.org", (_, _) => FondationDeFrance),
        ("santepubliquefrance.fr", (_, _) => SantePubliqueFrance),
        ("harmonie-mutuelle.fr", (_, _) => Mutuelle("Harmonie Mutuelle")),
        ("mgen.fr", (_, _) => Mutuelle("MGEN")),
        ("mutualite.fr", (_, _) => Mutuelle("Mutualité Française")),
        ("groupe-vyv.fr", (_, _) => Mutuelle("Groupe VYV")),
        ("iledefrance.fr", (_, _) => Named("Région Île-de-France")),
        ("culture.gouv.fr", (_, _) => Named("Ministère de la Culture")),
        ("sante.gouv.fr", (_, _) => Named("Ministère de la Santé")),
        ("paris.fr", (_, _) => Named("Ville de Paris")),
        ("seine-saint-denis.gouv.fr", (_, _) => Named("Préfecture de la Seine-Saint-Denis")),
        ("seinesaintdenis.fr", (_, _) => Named("Département de la Seine-Saint-Denis")),
        ("cotes-darmor.gouv.fr", (_, _) => Named("Préfecture des Côtes-d'Armor")),
        ("finistere.gouv.fr", (_, _) => Named("Préfecture du Finistère")),
        ("ille-et-vilaine.gouv.fr", (_, _) => Named("Préfecture d'Ille-et-Vilaine")),
        ("morbihan.gouv.fr", (_, _) => Named("Préfecture du Morbihan")),
        ("prefectures-regions.gouv.fr", (_, _) => Named("Préfecture de région")),
    ];

    public static Funder Classify(Uri? sourceUrl, string? sender, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        return Classify(sourceUrl, sender, title, FrenchText.FoldSameLength(title), text, FrenchText.FoldSameLength(text));
    }

    /// <summary>For the normaliser, which folds the page once for every extractor.</summary>
    internal static Funder Classify(Uri? sourceUrl, string? sender, string title, string foldedTitle, string text, string foldedText, string? structuredFunder = null)
    {
        var department = CpamDepartment(foldedTitle) ?? CpamDepartment(foldedText);

        if (sourceUrl is not null && FromHost(sourceUrl.Host, department) is { } byUrl)
        {
            return FromPath(byUrl, sourceUrl);
        }
        if (!string.IsNullOrWhiteSpace(sender))
        {
            var foldedSender = FrenchText.FoldSameLength(sender);
            var address = EmailDomain().Match(foldedSender);
            if (address.Success && FromHost(address.Groups["d"].Value, department ?? CpamDepartment(foldedSender)) is { } bySender)
            {
                return bySender;
            }
            if (FromText(sender, foldedSender, CpamDepartment(foldedSender) ?? department) is { } byName)
            {
                return byName;
            }
        }
        // The title, then who the body says launches or funds the call, then the first organisation near the top, then
        // a known funder named anywhere: a foundation's call that mentions a region or a CPAM further down stays theirs.
        var found = FromText(title, foldedTitle, department)
            ?? Generic(FunderNames.Find(title, foldedTitle), department)
            ?? Generic(FunderNames.FindLauncher(text, foldedText), department)
            ?? Generic(FunderNames.FindTerritoryLauncher(foldedTitle, foldedText), department)
            ?? (structuredFunder is { Length: > 1 } given ? FromName(given) : null)
            ?? Generic(FunderNames.FindNamed(text, foldedText), department)
            ?? FromText(text, foldedText, department)
            ?? Funder.Unknown;
        return Fuller(found, structuredFunder);
    }

    /// <summary>
    /// A name the text gives cut short ("Ministère de la Transition écologique et de la Cohésion", before a lower-case
    /// word) when the record's funder field gives it whole: the whole name.
    /// </summary>
    private static Funder Fuller(Funder found, string? structuredFunder)
    {
        if (found.Kind != FunderKind.Other || structuredFunder is not { Length: > 1 })
        {
            return found;
        }
        var given = FromName(structuredFunder);
        var foldedFound = FrenchText.FoldSameLength(found.Name);
        var foldedGiven = FrenchText.FoldSameLength(given.Name);
        return foldedGiven.Length > foldedFound.Length + 1 && foldedGiven.StartsWith(foldedFound + " ", StringComparison.Ordinal) ? given : found;
    }

    /// <summary>A funder the configuration, a source or a person names: one canonical name whatever the alias.</summary>
    public static Funder FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = FrenchText.FoldSameLength(name);
        // Known funders by their aliases; any other name is kept whole (not searched for an organisation inside it).
        return FromText(name, folded, CpamDepartment(folded) ?? BareCpamDepartment(folded), named: false) ?? Generic(FunderNames.Canonical(name), null) ?? Funder.Unknown;
    }

    /// <summary>A name found by <see cref="FunderNames"/>: a known funder when it is one, else kept as the text names it.</summary>
    private static Funder? Generic(string? name, string? department)
    {
        if (name is null)
        {
            return null;
        }
        var folded = FrenchText.FoldSameLength(name);
        return FromText(name, folded, CpamDepartment(folded) ?? department, named: false) ?? Named(name);
    }

    /// <summary>"CPAM 29", "Cpam29".</summary>
    private static string? BareCpamDepartment(string folded)
    {
        var match = BareCpam().Match(folded);
        return match.Success ? match.Groups["d"].Value : null;
    }

    /// <summary>The funder whose own site <paramref name="address"/> is on (a known site, or a department's "manche.fr"), or null.</summary>
    internal static Funder? FromSite(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return FromHost(address.Host, null) ?? DepartmentSite(address.Host);
    }

    private static Funder? DepartmentSite(string host)
    {
        var labels = FrenchText.FoldSameLength(host).Split('.');
        return labels.Length >= 2 && labels[^1] == "fr" && FunderNames.DepartmentOfSiteName(labels[^2]) is { } name ? Named(name) : null;
    }

    private static Funder? FromHost(string host, string? department)
    {
        var h = FrenchText.FoldSameLength(host);
        foreach (var (suffix, funder) in Hosts)
        {
            if (h == suffix || h.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return funder(h, department);
            }
        }
        return null;
    }

    /// <summary>ameli.fr pages carry the department in the path (/finistere/…).</summary>
    private static Funder FromPath(Funder funder, Uri url)
    {
        if (funder.Kind != FunderKind.Cpam || funder.Department is not null)
        {
            return funder;
        }
        return PathDepartment().Match(FrenchText.FoldSameLength(url.AbsolutePath)) is { Success: true } m ? Cpam(m.Groups["c22"].Success ? "22" : m.Groups["c29"].Success ? "29" : m.Groups["c35"].Success ? "35" : "56") : funder;
    }

    private static Funder Cpam(string department) =>
        CpamNames.TryGetValue(department, out var name)
            ? new Funder(FunderKind.Cpam, "cpam-" + department, name) { Department = department }
            : new Funder(FunderKind.Cpam, "cpam", "Assurance Maladie (CPAM)");

    private static Funder Named(string name) => new(FunderKind.Other, "other", name);

    private static Funder Mutuelle(string name) => new(FunderKind.Mutuelle, "mutuelle", name);

    private static Funder? FromText(string original, string folded, string? department, bool named = true)
    {
        Match match;
        if (ArsText().IsMatch(folded))
        {
            return Ars;
        }
        if (CpamText().IsMatch(folded))
        {
            return Cpam(department ?? string.Empty);
        }
        if (SpfText().IsMatch(folded))
        {
            return SantePubliqueFrance;
        }
        if (FdfText().IsMatch(folded))
        {
            return FondationDeFrance;
        }
        if (RegionBretagneText().IsMatch(folded))
        {
            return RegionBretagne;
        }
        if (MsaText().IsMatch(folded))
        {
            return new Funder(FunderKind.Msa, "msa", "MSA");
        }
        if ((match = MutuelleText().Match(folded)).Success)
        {
            return Mutuelle(FrenchText.Squeeze(original.AsSpan(match.Index, match.Length)));
        }
        // Other organisations: named as the text names them, cut at the end of their name (see FunderNames).
        return named && FunderNames.Find(original, folded) is { } name ? Generic(name, department) : null;
    }

    private static string? CpamDepartment(string folded)
    {
        var match = CpamDepartmentText().Match(folded);
        if (!match.Success)
        {
            return null;
        }
        return match.Groups["c22"].Success ? "22" : match.Groups["c29"].Success ? "29" : match.Groups["c35"].Success ? "35" : "56";
    }

    [GeneratedRegex(@"@(?<d>[a-z0-9.-]+)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex EmailDomain();

    [GeneratedRegex(@"\bars bretagne\b|\bagence regionale de sante (?:de |en )?bretagne\b|\bars de bretagne\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex ArsText();

    [GeneratedRegex(@"\bcpam\b|\bcaisses? primaires? d'assurance maladie\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex CpamText();

    [GeneratedRegex(@"(?:\bcpam\b|caisses? primaires? d'assurance maladie)[^.\n]{0,25}?(?:(?<c22>cotes[ -]d'armor|\b22\b|saint[ -]brieuc)|(?<c29>finistere|\b29\b|quimper|brest)|(?<c35>ille[ -]et[ -]vilaine|\b35\b|rennes)|(?<c56>morbihan|\b56\b|vannes|lorient))", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex CpamDepartmentText();

    [GeneratedRegex(@"(?<c22>cotes-d-?armor)|(?<c29>finistere)|(?<c35>ille-et-vilaine)|(?<c56>morbihan)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PathDepartment();

    [GeneratedRegex(@"\bsante publique france\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex SpfText();

    [GeneratedRegex(@"\bfondation de france\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex FdfText();

    [GeneratedRegex(@"\bregion bretagne\b|\bconseil regional de bretagne\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex RegionBretagneText();

    [GeneratedRegex(@"\bmsa\b|\bmutualite sociale agricole\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex MsaText();

    [GeneratedRegex(@"\bharmonie mutuelle\b|\bmgen\b|\bmutualite francaise(?: bretagne)?\b|\bgroupe vyv\b|\bmutuelle [a-z]+(?: [a-z]+)?", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex MutuelleText();

    [GeneratedRegex(@"\bcpam\s{0,3}(?<d>22|29|35|56)\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex BareCpam();
}
