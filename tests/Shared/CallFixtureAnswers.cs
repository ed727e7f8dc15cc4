namespace AvecSante.Tests.Shared;

/// <summary>
/// Our own reading of every real call in fixtures/calls/other (each file read by hand): funder, deadline with the time
/// the text gives, a piece of the evidence phrase, themes and whether it is a funding call at all. Read at
/// <see cref="Now"/> (5 January 2026, within the period the pages were collected), so multi-session calls pick a stable
/// session. Used by the normaliser's unit tests and by the HTTP test of POST /api/calls/preview.
/// </summary>
public static class CallFixtureAnswers
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>file, funder, deadline (ISO, Paris offset) or null, evidence substring, themes, funding call, rolling.</summary>
    public static TheoryData<string, string, string?, string?, string, bool> Table => new()
    {
        // Structured DATE_LIMITE says 15 June; the text says 16 June "minuit"; "prise de contact" (19 May) is intermediate.
        { "idf-btp-circulaire_17ac84b2.txt", "Région Île-de-France", "2025-06-16T23:59:00+02:00", "16 juin 2025 minuit", "", true },
        { "idf-challenge-ia-industrie_484b65af.txt", "Région Île-de-France", "2026-02-10T23:59:00+01:00", "d'ici au 10 février 2026 minuit", "", true },
        // Structured says 5 December; the text: "du 1er octobre au 6 décembre 2024 à 23h59".
        { "idf-challenge-ia-sante_32b375f4.txt", "Région Île-de-France", "2024-12-06T23:59:00+01:00", "6 décembre 2024 à 23h59", "", true },
        // Business "prévention" (procédures amiables): no health theme, and no deadline ("à compter du 1er janvier 2023" is a condition).
        { "idf-cheque-prevention_6a0a6881.txt", "Région Île-de-France", null, null, "", true },
        { "idf-contraception-ivg_ec82e62b.txt", "Région Île-de-France", null, null, "vie-affective-sexuelle,prevention", true },
        // Letter of intent and extension requests by 15 March; "Clôture : vendredi 31 mai 2024"; structured says 30 May.
        { "idf-ifas-aide-soignant_e9383faf.txt", "Région Île-de-France", "2024-05-31T23:59:00+02:00", "31 mai 2024", "", true },
        { "idf-investissement-ofa_d43b9ee8.txt", "Région Île-de-France", "2025-02-14T23:59:00+01:00", "14 février 2025 à minuit", "", true },
        // Three sessions, all past on our "now": the last one. Structured (19 November) matches none.
        { "idf-methanisation_44095768.txt", "Région Île-de-France", "2024-09-12T23:59:00+02:00", "Avant le 12/09/2024", "", true },
        { "idf-professionnels-sante-liberaux_6e9cad22.txt", "Région Île-de-France", null, null, "acces-aux-soins", true },
        // Three sessions (1 Dec 2025, 1 Feb 2026, 1 Jul 2026): the next after 5 January 2026.
        { "idf-reseaux-cinema_682b67d4.txt", "Région Île-de-France", "2026-02-01T23:59:00+01:00", "1er février 2026", "", true },
        { "idf-vaccination-communes_913e256c.txt", "Région Île-de-France", null, null, "vaccination", true },
        // Public-land occupation against a fee (AMI "concurrente"): not a funding call. "12h" and "à midi".
        { "paris-ami-realite-virtuelle_0bc834d4.txt", "Ville de Paris", "2026-01-30T12:00:00+01:00", "30 janvier 2026", "", false },
        { "paris-conduites-a-risques_75e4990a.txt", "Ville de Paris", "2026-02-16T23:59:00+01:00", "16 février 2026 inclus", "addictions,vie-affective-sexuelle,prevention", true },
        // "avant le mercredi 11 février à 23h59" (no year) and "11 février 2026 à 23h59"; past edition's sums are not this call's.
        { "paris-culture-scientifique_402b1e22.txt", "Ville de Paris", "2026-02-11T23:59:00+01:00", "11 février", "", true },
        { "paris-emplacement-champs-elysees_81f19a47.txt", "Ville de Paris", "2026-01-14T12:00:00+01:00", "14 janvier 2026 à 12h00", "", false },
        // Subsidy to property owners (first wave until 2 April, a conditional second wave until 9 July): funding, not health.
        { "paris-immobilier-ess_ce027683.txt", "Ville de Paris", "2026-04-02T23:59:00+02:00", "2 avril", "", true },
        // "Prévention des rixes" is not health prevention; the parents' mental health is a stated priority.
        { "paris-prevention-rixes_6381d23a.txt", "Ville de Paris", "2026-01-29T23:59:00+01:00", "29 janvier 2026 à 23h59", "sante-mentale", true },
        // "jusqu'au vendredi 9 janvier 2026 à 18h" (the attached rules say 18h too); a form step says 17h.
        { "paris-seniors-prevention-autonomie_c1a07043.txt", "Ville de Paris", "2026-01-09T18:00:00+01:00", "9 janvier 2026 à 18h", "vieillissement,prevention", true },
        { "paris-trophees-ess_d9491e82.txt", "Ville de Paris", "2026-01-29T23:59:00+01:00", "29 janvier 2026 à 23h59", "", true },
        // Structured says 15 May (the page's update date); the text: "avant le 6 juin 2025". "Prévention contre les rixes" is not health.
        { "ssd93-quartiers-ete_2bc1f991.txt", "Préfecture de la Seine-Saint-Denis", "2025-06-06T23:59:00+02:00", "avant le 6 juin 2025", "", true },
    };

}
