using System.Globalization;

using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// Our own reading of every real call in fixtures/calls/other (each file read by hand): funder, deadline with the time
/// the text gives, a piece of the evidence phrase, themes and whether it is a funding call at all. "Now" is fixed
/// (5 January 2026, within the period the pages were collected), so multi-session calls pick a stable session.
/// </summary>
public sealed class FixtureTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

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

    [Fact]
    public void The_table_covers_every_fixture_file()
    {
        var files = Directory.GetFiles(Fixtures.CallsOther).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var rows = Table.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, rows);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_real_call_is_read_as_we_read_it(string file, string funder, string? deadline, string? evidence, string themes, bool isFundingCall)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(funder, call.Funder.Name);
        if (deadline is null)
        {
            Assert.Null(call.Deadline);
        }
        else
        {
            var expected = DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture);
            Assert.Equal(expected, call.Deadline);
            Assert.Equal(expected.Offset, call.Deadline!.Value.Offset);
            Assert.Contains(evidence!, call.DeadlineEvidence, StringComparison.Ordinal);
        }
        Assert.Equal(themes, string.Join(",", call.Themes));
        Assert.Equal(isFundingCall, call.IsFundingCall);
    }

    [Theory]
    [InlineData("idf-btp-circulaire_17ac84b2.txt", "2025-06-15")]
    [InlineData("idf-challenge-ia-sante_32b375f4.txt", "2024-12-05")]
    [InlineData("idf-ifas-aide-soignant_e9383faf.txt", "2024-05-30")]
    [InlineData("idf-methanisation_44095768.txt", "2024-11-19")]
    [InlineData("ssd93-quartiers-ete_2bc1f991.txt", "2025-05-15")]
    public void A_wrong_structured_date_loses_to_the_text_and_the_disagreement_is_recorded(string file, string structured)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(DateOnly.Parse(structured, CultureInfo.InvariantCulture), call.StructuredDeadline);
        Assert.NotNull(call.DeadlineDisagreement);
        Assert.NotEqual(DateOnly.Parse(structured, CultureInfo.InvariantCulture), DateOnly.FromDateTime(call.Deadline!.Value.DateTime));
    }

    [Theory]
    [InlineData("idf-challenge-ia-industrie_484b65af.txt")]
    [InlineData("paris-seniors-prevention-autonomie_c1a07043.txt")]
    [InlineData("paris-trophees-ess_d9491e82.txt")]
    public void A_structured_date_that_matches_the_text_raises_no_disagreement(string file)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Null(call.DeadlineDisagreement);
    }

    [Fact]
    public void Intermediate_dates_of_real_calls_are_kept_apart_from_the_deadline()
    {
        var btp = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-btp-circulaire_17ac84b2.txt"), null, null, null, Now);
        var ifas = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-ifas-aide-soignant_e9383faf.txt"), null, null, null, Now);

        Assert.Contains(btp.IntermediateDates, d => d.Date == new DateOnly(2025, 5, 19));
        Assert.Contains(ifas.IntermediateDates, d => d.Date == new DateOnly(2024, 3, 15) && d.Evidence.Contains("intention", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_session_of_a_multi_session_call_is_listed()
    {
        var cinema = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-reseaux-cinema_682b67d4.txt"), null, null, null, Now);
        var methanisation = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-methanisation_44095768.txt"), null, null, null, Now);

        Assert.Equal([new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 7, 1)], cinema.DeadlineSessions.Select(s => s.Date));
        Assert.Equal([new DateOnly(2024, 5, 7), new DateOnly(2024, 6, 6), new DateOnly(2024, 9, 12)], methanisation.DeadlineSessions.Select(s => s.Date));
    }

    [Theory]
    [InlineData("idf-challenge-ia-industrie_484b65af.txt", 500_000, AmountKind.MaximumPerProject)]
    [InlineData("idf-challenge-ia-sante_32b375f4.txt", 500_000, AmountKind.Total)]
    [InlineData("paris-culture-scientifique_402b1e22.txt", 150_000, AmountKind.Total)]
    [InlineData("paris-trophees-ess_d9491e82.txt", 25_000, AmountKind.MaximumPerProject)]
    public void The_amount_is_the_one_stated_for_this_call(string file, int euros, AmountKind kind)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(euros, call.Amount?.Euros);
        Assert.Equal(kind, call.Amount?.Kind);
    }

    [Theory]
    [InlineData("idf-btp-circulaire_17ac84b2.txt")] // only a floor ("supérieur à 10.000€")
    [InlineData("paris-prevention-rixes_6381d23a.txt")] // only the 2025 edition's budget, in the attached rules
    [InlineData("paris-ami-realite-virtuelle_0bc834d4.txt")] // only a fee per m² and day
    public void Floors_fees_and_past_budgets_are_not_taken_for_the_amount(string file)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Null(call.Amount);
    }

    [Fact]
    public void Calls_of_another_region_map_to_no_department()
    {
        foreach (var file in Directory.GetFiles(Fixtures.CallsOther))
        {
            var call = CallTextNormaliser.Normalise(File.ReadAllText(file), null, null, null, Now);
            Assert.Empty(call.Departments);
        }
    }
}
