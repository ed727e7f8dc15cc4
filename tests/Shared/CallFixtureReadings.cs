namespace AvecSante.Tests.Shared;

/// <summary>Our reading of one real call: funder, deadline (ISO, Paris offset) or null, a piece of its evidence phrase, themes, funding call.</summary>
public sealed record CallReading(string File, string Funder, string? Deadline, string? Evidence, string Themes, bool IsFundingCall)
{
    /// <summary>The same funder's name: case, accents and punctuation aside, and with or without its acronym in brackets.</summary>
    public static bool SameFunder(string expected, string read) => Bare(expected) == Bare(read);

    private static string Bare(string name)
    {
        var folded = AvecSante.Core.Common.TextFolding.Fold(name);
        var bracket = name.TrimEnd().EndsWith(')') ? name.LastIndexOf('(') : -1;
        return bracket > 0 && name.Length - bracket <= 13 ? AvecSante.Core.Common.TextFolding.Fold(name[..bracket]) : folded;
    }
}

/// <summary>
/// Our own reading of every real call in fixtures/calls/other (each file read by hand): funder, deadline with the time
/// the text gives, a piece of the evidence phrase, themes and whether it is a funding call at all. Read at
/// <see cref="Now"/> (5 January 2026, within the period the pages were collected), so multi-session calls pick a stable
/// session. Plain data (no test framework), so the accuracy benchmark reads the same answers as the tests.
/// </summary>
public static class CallFixtureReadings
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    public static IReadOnlyList<CallReading> Other { get; } =
    [
        // Structured DATE_LIMITE says 15 June; the text says 16 June "minuit"; "prise de contact" (19 May) is intermediate.
        new("idf-btp-circulaire_17ac84b2.txt", "Région Île-de-France", "2025-06-16T23:59:00+02:00", "16 juin 2025 minuit", "", true),
        new("idf-challenge-ia-industrie_484b65af.txt", "Région Île-de-France", "2026-02-10T23:59:00+01:00", "d'ici au 10 février 2026 minuit", "", true),
        // Structured says 5 December; the text: "du 1er octobre au 6 décembre 2024 à 23h59".
        new("idf-challenge-ia-sante_32b375f4.txt", "Région Île-de-France", "2024-12-06T23:59:00+01:00", "6 décembre 2024 à 23h59", "", true),
        // Business "prévention" (procédures amiables): no health theme, and no deadline ("à compter du 1er janvier 2023" is a condition).
        new("idf-cheque-prevention_6a0a6881.txt", "Région Île-de-France", null, null, "", true),
        new("idf-contraception-ivg_ec82e62b.txt", "Région Île-de-France", null, null, "vie-affective-sexuelle,prevention", true),
        // Letter of intent and extension requests by 15 March; "Clôture : vendredi 31 mai 2024"; structured says 30 May.
        new("idf-ifas-aide-soignant_e9383faf.txt", "Région Île-de-France", "2024-05-31T23:59:00+02:00", "31 mai 2024", "", true),
        new("idf-investissement-ofa_d43b9ee8.txt", "Région Île-de-France", "2025-02-14T23:59:00+01:00", "14 février 2025 à minuit", "", true),
        // Three sessions, all past on our "now": the last one. Structured (19 November) matches none.
        new("idf-methanisation_44095768.txt", "Région Île-de-France", "2024-09-12T23:59:00+02:00", "Avant le 12/09/2024", "", true),
        new("idf-professionnels-sante-liberaux_6e9cad22.txt", "Région Île-de-France", null, null, "acces-aux-soins", true),
        // Three sessions (1 Dec 2025, 1 Feb 2026, 1 Jul 2026): the next after 5 January 2026.
        new("idf-reseaux-cinema_682b67d4.txt", "Région Île-de-France", "2026-02-01T23:59:00+01:00", "1er février 2026", "", true),
        new("idf-vaccination-communes_913e256c.txt", "Région Île-de-France", null, null, "vaccination", true),
        // Public-land occupation against a fee (AMI "concurrente"): not a funding call. "12h" and "à midi".
        new("paris-ami-realite-virtuelle_0bc834d4.txt", "Ville de Paris", "2026-01-30T12:00:00+01:00", "30 janvier 2026", "", false),
        new("paris-conduites-a-risques_75e4990a.txt", "Ville de Paris", "2026-02-16T23:59:00+01:00", "16 février 2026 inclus", "addictions,vie-affective-sexuelle,prevention", true),
        // "avant le mercredi 11 février à 23h59" (no year) and "11 février 2026 à 23h59"; past edition's sums are not this call's.
        new("paris-culture-scientifique_402b1e22.txt", "Ville de Paris", "2026-02-11T23:59:00+01:00", "11 février", "", true),
        new("paris-emplacement-champs-elysees_81f19a47.txt", "Ville de Paris", "2026-01-14T12:00:00+01:00", "14 janvier 2026 à 12h00", "", false),
        // Subsidy to property owners (first wave until 2 April, a conditional second wave until 9 July): funding, not health.
        new("paris-immobilier-ess_ce027683.txt", "Ville de Paris", "2026-04-02T23:59:00+02:00", "2 avril", "", true),
        // "Prévention des rixes" is not health prevention; the parents' mental health is a stated priority.
        new("paris-prevention-rixes_6381d23a.txt", "Ville de Paris", "2026-01-29T23:59:00+01:00", "29 janvier 2026 à 23h59", "sante-mentale", true),
        // "jusqu'au vendredi 9 janvier 2026 à 18h" (the attached rules say 18h too); a form step says 17h.
        new("paris-seniors-prevention-autonomie_c1a07043.txt", "Ville de Paris", "2026-01-09T18:00:00+01:00", "9 janvier 2026 à 18h", "vieillissement,prevention", true),
        new("paris-trophees-ess_d9491e82.txt", "Ville de Paris", "2026-01-29T23:59:00+01:00", "29 janvier 2026 à 23h59", "", true),
        // Structured says 15 May (the page's update date); the text: "avant le 6 juin 2025". "Prévention contre les rixes" is not health.
        new("ssd93-quartiers-ete_2bc1f991.txt", "Préfecture de la Seine-Saint-Denis", "2025-06-06T23:59:00+02:00", "avant le 6 juin 2025", "", true),
    ];

    /// <summary>
    /// Our reading of every text of fixtures/calls/more (each read by hand, at the same <see cref="Now"/>): the funder is
    /// the organisation the text says launches or funds the call (else the record's funder field, else the site's owner);
    /// a closing date the prose states wins over a record's date field; windows all past: the last one; a news item
    /// about another call on a presentation page is not this page's deadline. Themes and funding-call status are not read.
    /// </summary>
    public static IReadOnlyList<CallReading> More { get; } =
    [
        // "au fil de l'eau … au plus tard au 31 décembre 2023" (date_fin 2023-12-31T23:59:59).
        new("at-agir-disp1-ecoconception.json", "ADEME", "2023-12-31T23:59:00+01:00", null, "", true),
        // "Deux clôtures auront lieu en 2023 : la première le 27/02/2023 et la seconde le 20/09/2023" (date_fin: the first, 15:00).
        new("at-agir-disp3-biomasse-bois.json", "ADEME", "2023-09-20T23:59:00+02:00", null, "", true),
        // culture.gouv.fr: "Le ministère vous propose un soutien financier"; deadline field "15 avril 2022".
        new("at-culture-obj2-culturepro.json", "Ministère de la Culture", "2022-04-15T23:59:00+02:00", null, "", true),
        // The DAC Mayotte and the marine park launch it; "Le ministère de la Culture et l'OFB allouent des subventions".
        new("at-culture-obj3-residences-art-et-mer.json", "Ministère de la Culture", "2022-08-15T23:59:00+02:00", null, "", true),
        new("at-drome-res1-alimentation-proximite.json", "Chambre d’agriculture de la Drôme", null, null, "", true),
        new("at-drome-res3-agrilocal.json", "Département de la Drôme", null, null, "", true),
        // The Région's own aid guide (tenant cridfprd): "La Région soutient les projets"; no date ("dans les délais").
        new("at-idf-obj1-radios-locales.json", "Région Île-de-France", null, null, "", true),
        new("at-idf-obj3-equipements-sportifs-handicap.json", "Région Île-de-France", null, null, "", true),
        // A title and an empty description on the Manche department's aid guide (manche.fr).
        new("at-manche-aide1-centre-parental.json", "Département de la Manche", null, null, "", true),
        new("at-periurbain-rec004-offre-de-soins.csv", "Banque des Territoires", null, null, "", true),
        new("at-periurbain-rec037-logement-perte-autonomie.csv", "Agence nationale de l'habitat (Anah)", null, null, "", true),
        // "l'ANCT, la Banque des territoires et la CNSA accompagnent …"; three rounds, the last "23/10/2022 – 12h"; the field says 31/12/2022.
        new("at-periurbain-rec071-habitat-inclusif.csv", "Agence nationale de la cohésion des territoires (ANCT)", "2022-10-23T12:00:00+02:00", null, "", true),
        new("at-periurbain-rec119-accueil-jeunes-enfants.csv", "Département de l'Aube", null, null, "", true),
        new("at-periurbain-rec120-etablissements-pa-ph.csv", "Département de l'Aube", null, null, "", true),
        new("at-periurbain-rec129-contrat-territoire-autonomie.csv", "Caisse nationale d'assurance vieillesse (CNAV)", null, null, "", true),
        // No date in the prose: the closing-date field (31/03/2026) stands.
        new("at-periurbain-rec155-equipements-publics.csv", "Ministère de la Cohésion des Territoires et des Relations avec les Collectivités Territoriales (MCTRCT)", "2026-03-31T23:59:00+02:00", null, "", true),
        // "Le ministère de l'Europe et des Affaires étrangères (MEAE) … et le ministère des Relations internationales … du Québec ont lancé".
        new("at-periurbain-rec163-cooperation-decentralisee.csv", "Ministère de l'Europe et des Affaires étrangères", "2022-12-28T23:59:00+01:00", null, "", true),
        new("at-periurbain-rec171-structures-hebergement.csv", "Agence nationale de l'habitat (Anah)", null, null, "", true),
        new("at-periurbain-rec179-projet-sante-medico-social.csv", "Banque des Territoires", null, null, "", true),
        new("at-periurbain-rec194-recherche-action-petites-villes.csv", "Plan urbanisme construction architecture (PUCA)", "2022-12-12T23:59:00+01:00", null, "", true),
        // The "Fonds Air Entreprises" is the community of communes' own fund (the Région and the Département co-fund it).
        new("at-periurbain-rec234-qualite-air-entreprises.csv", "Communauté de communes Pays du Mont-Blanc", "2022-12-31T23:59:00+01:00", null, "", true),
        // "avant le 18 mai 2022 pour la première vague"; the field (31/12/2024) is the recurring offer's end.
        new("at-periurbain-rec241-ecoquartier.csv", "Ministère de la Transition écologique et de la Cohésion des territoires", "2022-05-18T23:59:00+02:00", null, "", true),
        // "info_responsible": "Commission européenne"; "deadline1": "20230112".
        new("at-welcomeurope-obj1-droits-homme.json", "Commission européenne", "2023-01-12T23:59:00+01:00", null, "", true),
        new("at-welcomeurope-obj2-ecologisation-pme.json", "Commission européenne", "2023-02-14T23:59:00+01:00", null, "", true),
        // The funder's form: "Date limite de dépôt : 3 avril 2023", "SUPPORT … SOLLICITE AUPRES DE LA FONDATION ARTELIA".
        new("d4g-esf-p01-aap3-note-intention.txt", "Fondation Artelia", "2023-04-03T23:59:00+02:00", null, "", true),
        new("kf-fondations-r05-alimentation-sante.txt", "Institut Danone", null, null, "", true),
        // The page is the FAPE ENGIE's ("La Fondation Agir Pour l'Emploi ENGIE …"); the Fondation ENGIE only supports it.
        new("kf-fondations-r06-insertion-investissement.txt", "Fondation Agir Pour l’Emploi ENGIE", null, null, "", true),
        new("kf-fondations-r10-autonomie-ess.txt", "Fondation d’entreprise AG2R LA MONDIALE", null, null, "", true),
        new("kf-fondations-r15-handicap-dependance-addictions.txt", "Fondation AUTONOMIA", null, null, "", true),
        // A home page; "déposez votre candidature au Projet Banlieues du 30 janvier au 11 mars 2023" is a news item.
        new("kf-fondations-r20-mecenat-solidarite.txt", "Fondation BNP Paribas", null, null, "", true),
        new("kf-fondations-r23-alimentation-art-citoyen.txt", "Fondation Daniel et Nina Carasso", null, null, "", true),
        new("kf-fondations-r27-philanthropie.txt", "Fondation de France", null, null, "", true),
        new("kf-fondations-r42-reinsertion-logement-social.txt", "Fondation Julienne DUMESTE", null, null, "", true),
        // "un calendrier des priorités pour 2024" without dates.
        new("kf-fondations-r48-mecenat-calendrier.txt", "Fondation d’Entreprise Michelin", null, null, "", true),
        // "La Fondation RAJA-Danièle Marcovici … Placée sous l'égide de la Fondation de France".
        new("kf-fondations-r55-emancipation-femmes.txt", "Fondation RAJA-Danièle Marcovici", null, null, "", true),
        // News dates (13 février 2024, 12 décembre 2023) are not deadlines.
        new("kf-fondations-r56-insertion-urbaine.txt", "Fondation Groupe RATP", null, null, "", true),
        new("tm-actu-decret-memoire-appels.md", "Fédération Wallonie-Bruxelles", "2017-09-30T23:59:00+02:00", null, "", true),
        // "Appel à projet de la Province de Namur": "possible jusqu'au 2 juin 2020 inclus".
        new("tm-actu-province-namur-prolongation.md", "Province de Namur", "2020-06-02T23:59:00+02:00", null, "", true),
    ];
}
