using System.Globalization;

using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

public sealed class DeadlineExtractorTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("L'appel à candidatures est ouvert jusqu'au vendredi 9 janvier 2026 à 18h.", "2026-01-09T18:00:00+01:00", "jusqu'au vendredi 9 janvier 2026 à 18h")]
    [InlineData("Les dossiers sont à déposer avant le 07/05/2024.", "2024-05-07T23:59:00+02:00", "avant le 07/05/2024")]
    [InlineData("Les candidats doivent déposer un dossier au plus tard le 30 janvier 2026 inclus à midi.", "2026-01-30T12:00:00+01:00", "au plus tard le 30 janvier 2026 inclus à midi")]
    [InlineData("Date limite de dépôt : 10 août 2025 (minuit)", "2025-08-10T23:59:00+02:00", "10 août 2025 (minuit)")]
    [InlineData("Les documents devront être retournés d'ici au 10 février 2026 minuit à l'adresse suivante.", "2026-02-10T23:59:00+01:00", "d'ici au 10 février 2026 minuit")]
    [InlineData("Candidatures au plus tard le 15 février 2026 à 23 h 59 (heure de Paris).", "2026-02-15T23:59:00+01:00", "15 février 2026 à 23 h 59 (heure de Paris)")]
    [InlineData("La date de clôture est le 1er mars 2026.", "2026-03-01T23:59:00+01:00", "1er mars 2026")]
    [InlineData("Le dossier est à renvoyer du 1er octobre au 6 décembre 2024 à 23h59.", "2024-12-06T23:59:00+01:00", "du 1er octobre au 6 décembre 2024 à 23h59")]
    [InlineData("Date limite de candidature : mercredi 14 janvier 2026 à 12h00", "2026-01-14T12:00:00+01:00", "14 janvier 2026 à 12h00")]
    [InlineData("Dépôt des candidatures : 3 avril 2026 à 17:30", "2026-04-03T17:30:00+02:00", "3 avril 2026 à 17:30")]
    public void Each_french_deadline_form_is_read_in_paris_time_with_its_evidence(string text, string expected, string evidence)
    {
        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At(expected), result.Deadline);
        Assert.Equal(At(expected).Offset, result.Deadline!.Value.Offset);
        Assert.Contains(evidence, result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_date_with_a_closing_hour_is_taken_as_the_deadline()
    {
        var result = DeadlineExtractor.Extract("Réponses : 10 août 2025 (minuit)");

        Assert.Equal(At("2025-08-10T23:59:00+02:00"), result.Deadline);
    }

    [Fact]
    public void A_date_without_time_closes_at_the_end_of_the_day()
    {
        var result = DeadlineExtractor.Extract("Les dossiers sont à déposer au plus tard le 2 avril 2026.");

        Assert.Equal(At("2026-04-02T23:59:00+02:00"), result.Deadline);
        Assert.False(result.HasExplicitTime);
    }

    [Fact]
    public void Midnight_after_a_date_means_the_end_of_that_day_not_its_start()
    {
        var result = DeadlineExtractor.Extract("Clôture de la campagne : vendredi 14 février 2025 à minuit.");

        Assert.Equal(At("2025-02-14T23:59:00+01:00"), result.Deadline);
        Assert.True(result.HasExplicitTime);
    }

    [Fact]
    public void No_break_spaces_do_not_hide_a_date()
    {
        var text = "Dépôt\u00A0: jusqu'au\u00A01er\u00A0février\u00A02026\u202Fà\u202F18\u202Fh.";

        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At("2026-02-01T18:00:00+01:00"), result.Deadline);
        Assert.Equal("jusqu'au 1er février 2026 à 18 h", result.Evidence);
    }

    [Fact]
    public void Summer_deadlines_carry_plus_two_hours_and_winter_ones_plus_one()
    {
        var summer = DeadlineExtractor.Extract("Date limite : 1er juillet 2026 à 12h");
        var winter = DeadlineExtractor.Extract("Date limite : 1er décembre 2026 à 12h");
        var dayAfterSpringChange = DeadlineExtractor.Extract("Date limite : 30 mars 2026 à 12h");
        var dayBeforeAutumnChange = DeadlineExtractor.Extract("Date limite : 24 octobre 2026 à 12h");

        Assert.Equal(TimeSpan.FromHours(2), summer.Deadline!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), winter.Deadline!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(2), dayAfterSpringChange.Deadline!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(2), dayBeforeAutumnChange.Deadline!.Value.Offset);
        Assert.Equal(At("2026-07-01T10:00:00Z"), summer.Deadline);
        Assert.Equal(At("2026-12-01T11:00:00Z"), winter.Deadline);
    }

    [Theory]
    [InlineData("2026-01-10", "2026-03-01")]
    [InlineData("2026-04-10", "2027-03-01")]
    [InlineData("2025-12-20", "2026-03-01")]
    public void A_date_without_a_year_is_the_next_one_after_publication(string published, string expected)
    {
        var result = DeadlineExtractor.Extract(
            "Les candidatures sont attendues jusqu'au 1er mars.",
            new DeadlineHints { PublishedOn = DateOnly.Parse(published, CultureInfo.InvariantCulture) });

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
        Assert.True(result.Sessions[0].YearInferred);
    }

    [Fact]
    public void The_publication_date_in_the_text_gives_the_year_when_none_is_passed()
    {
        var result = DeadlineExtractor.Extract("Mise à jour le 16/12/2025. Vous pouvez déposer votre dossier jusqu'au 29 janvier à 23h59.");

        Assert.Equal(At("2026-01-29T23:59:00+01:00"), result.Deadline);
    }

    [Fact]
    public void A_weekday_picks_the_year_that_matches_it()
    {
        // 11 February is a Wednesday in 2026, not in 2025.
        var result = DeadlineExtractor.Extract(
            "Déposez votre projet avant le mercredi 11 février à 23h59.",
            new DeadlineHints { Reference = At("2025-02-20T09:00:00+01:00") });

        Assert.Equal(At("2026-02-11T23:59:00+01:00"), result.Deadline);
    }

    [Fact]
    public void The_same_day_written_with_its_year_elsewhere_lends_that_year()
    {
        var result = DeadlineExtractor.Extract(
            "Déposez votre projet avant le 11 février à 23h59. La date limite est le mercredi 11 février 2026 à 23h59.",
            new DeadlineHints { PublishedOn = new DateOnly(2024, 1, 1) });

        Assert.Equal(At("2026-02-11T23:59:00+01:00"), result.Deadline);
        Assert.Single(result.Sessions);
    }

    private const string ThreeSessions =
        "Calendrier : 1ère session de dépôt : jusqu'au 15 mars 2026 ; 2ème session de dépôt : jusqu'au 15 juin 2026 ; " +
        "3ème session de dépôt : jusqu'au 15 octobre 2026.";

    [Theory]
    [InlineData("2026-01-10T09:00:00+01:00", "2026-03-15T23:59:00+01:00")]
    [InlineData("2026-04-01T09:00:00+02:00", "2026-06-15T23:59:00+02:00")]
    [InlineData("2026-06-15T22:00:00+02:00", "2026-06-15T23:59:00+02:00")]
    [InlineData("2026-11-20T09:00:00+01:00", "2026-10-15T23:59:00+02:00")]
    public void With_several_sessions_the_deadline_is_the_next_one_after_now_or_the_last_when_all_are_past(string now, string expected)
    {
        var result = DeadlineExtractor.Extract(ThreeSessions, new DeadlineHints { Reference = At(now) });

        Assert.Equal(At(expected), result.Deadline);
        Assert.Equal(3, result.Sessions.Count);
        Assert.All(result.Sessions, s => Assert.True(s.IsSession));
    }

    private const string PerDepartment =
        "Côtes-d'Armor : dépôt avant le 10 mars 2026. Finistère : dépôt avant le 17 mars 2026. " +
        "Ille-et-Vilaine : dépôt avant le 24 mars 2026. Morbihan : dépôt avant le 31 mars 2026.";

    [Theory]
    [InlineData("22", "2026-03-10")]
    [InlineData("29", "2026-03-17")]
    [InlineData("35", "2026-03-24")]
    [InlineData("56", "2026-03-31")]
    public void Per_department_deadlines_give_the_date_of_the_department_asked(string department, string expected)
    {
        var result = DeadlineExtractor.Extract(PerDepartment, new DeadlineHints { Department = department, Reference = At("2026-03-01T09:00:00+01:00") });

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
        Assert.Equal(["22", "29", "35", "56"], result.Sessions.Select(s => s.Department));
    }

    [Fact]
    public void Per_department_deadlines_without_a_department_give_the_next_one()
    {
        var result = DeadlineExtractor.Extract(PerDepartment, new DeadlineHints { Reference = At("2026-03-12T09:00:00+01:00") });

        Assert.Equal(new DateOnly(2026, 3, 17), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
    }

    [Fact]
    public void A_letter_of_intent_date_is_intermediate_and_the_full_application_date_is_the_deadline()
    {
        var text = "Lettre d'intention à envoyer avant le 15 février 2026. Webinaire d'information le 10 février 2026 à 14h. " +
                   "Pré-inscription jusqu'au 1er mars 2026. Le dossier complet est à déposer au plus tard le 30 mars 2026 à 12h.";

        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At("2026-03-30T12:00:00+02:00"), result.Deadline);
        Assert.Equal(
            [new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 1)],
            result.Intermediate.Select(d => d.Date));
        Assert.All(result.Intermediate, d => Assert.Equal(DateRole.Intermediate, d.Role));
    }

    [Fact]
    public void An_intermediate_label_after_the_date_is_recognised_too()
    {
        var result = DeadlineExtractor.Extract("Date limite : 15 mars 2026 pour la lettre d'intention. Date limite : 30 avril 2026 pour le dossier complet.");

        Assert.Equal(new DateOnly(2026, 4, 30), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
        Assert.Equal(new DateOnly(2026, 3, 15), Assert.Single(result.Intermediate).Date);
    }

    [Fact]
    public void An_information_session_and_a_first_contact_deadline_are_not_the_deadline()
    {
        var text = "Réunion d'information : 12 février 2026.\n\nDate limite de prise de contact : 19 mai 2026\n\nDate limite de dépôt des dossiers : 16 juin 2026 minuit";

        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At("2026-06-16T23:59:00+02:00"), result.Deadline);
        Assert.Equal(2, result.Intermediate.Count);
    }

    [Fact]
    public void Opening_publication_and_unrelated_dates_are_not_deadlines()
    {
        var text = "Mis à jour le 16/12/2025. Ouverture de l'appel à projets : lundi 5 février 2024. " +
                   "Règlement du 19 mars 2019, actualisé le 28 janvier 2022. L'occupation sera consentie du 1er mai au 31 octobre 2026. " +
                   "Clôture : vendredi 31 mai 2024.";

        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At("2024-05-31T23:59:00+02:00"), result.Deadline);
        Assert.Single(result.Sessions);
    }

    [Fact]
    public void The_strongest_wording_decides_the_time_of_a_day_given_twice()
    {
        var text = "Vous pouvez déposer votre dossier jusqu'au vendredi 9 janvier 2026 inclus. " +
                   "L'appel à candidatures est ouvert jusqu'au vendredi 9 janvier 2026 à 18h. " +
                   "Déposez les documents avant vendredi 9 janvier 2026, 17h.";

        var result = DeadlineExtractor.Extract(text);

        Assert.Equal(At("2026-01-09T18:00:00+01:00"), result.Deadline);
    }

    [Fact]
    public void A_conditional_second_wave_does_not_replace_the_first()
    {
        var text = "Les réponses sont attendues avant le 2 avril 2026 (inclus). Sous réserve de crédits, une seconde vague pourra être instruite " +
                   "pour des projets déposés avant le 9 juillet 2026 (inclus).";

        var result = DeadlineExtractor.Extract(text, new DeadlineHints { Reference = At("2026-01-05T09:00:00+01:00") });

        Assert.Equal(new DateOnly(2026, 4, 2), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
        Assert.Equal(2, result.Sessions.Count);
    }

    [Theory]
    [InlineData("Les demandes sont instruites au fil de l'eau.", "au fil de l'eau")]
    [InlineData("Dépôt et instruction toute l'année sur la plateforme.", "toute l'année")]
    [InlineData("Cet appel est sans date limite.", "sans date limite")]
    [InlineData("Les candidatures sont reçues tout au long de l'année.", "tout au long de l'année")]
    public void A_rolling_call_has_no_deadline_and_says_so(string text, string evidence)
    {
        var result = DeadlineExtractor.Extract(text);

        Assert.Null(result.Deadline);
        Assert.True(result.IsRolling);
        Assert.Equal(evidence, result.RollingEvidence);
    }

    [Fact]
    public void A_dated_session_wins_over_a_rolling_part()
    {
        var result = DeadlineExtractor.Extract("Volet 1 : avant le 12/09/2024. Volet 2 : dépôt toute l'année.");

        Assert.False(result.IsRolling);
        Assert.Equal(new DateOnly(2024, 9, 12), DateOnly.FromDateTime(result.Deadline!.Value.DateTime));
    }

    [Fact]
    public void A_structured_date_that_disagrees_with_the_text_loses_and_the_disagreement_is_recorded()
    {
        var result = DeadlineExtractor.Extract(
            "Date limite de dépôt des dossiers : 16 juin 2025 minuit",
            new DeadlineHints { StructuredDate = new DateOnly(2025, 6, 15) });

        Assert.Equal(At("2025-06-16T23:59:00+02:00"), result.Deadline);
        Assert.Contains("15/06/2025", result.Disagreement, StringComparison.Ordinal);
        Assert.Contains("16/06/2025", result.Disagreement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_structured_date_that_agrees_raises_nothing()
    {
        var result = DeadlineExtractor.Extract("Date limite : 16 juin 2025", new DeadlineHints { StructuredDate = new DateOnly(2025, 6, 16) });

        Assert.Null(result.Disagreement);
    }

    [Fact]
    public void A_structured_date_alone_is_used_but_flagged_for_checking()
    {
        var result = DeadlineExtractor.Extract("Un appel pour les équipes de soins primaires.", new DeadlineHints { StructuredDate = new DateOnly(2026, 3, 31) });

        Assert.Equal(At("2026-03-31T23:59:00+02:00"), result.Deadline);
        Assert.NotNull(result.Disagreement);
    }

    [Fact]
    public void A_text_without_any_date_gives_no_deadline()
    {
        var result = DeadlineExtractor.Extract("La demande est à déposer sur la plateforme régionale.");

        Assert.Null(result.Deadline);
        Assert.False(result.IsRolling);
        Assert.Empty(result.Sessions);
    }

    [Fact]
    public void Phone_numbers_and_thousands_are_not_dates()
    {
        var result = DeadlineExtractor.Extract("Téléphone : 01.53.85.53.85. Subvention supérieure à 10.000 €. Avant le 10.05.2026 : dépôt.");

        Assert.Equal(new DateOnly(2026, 5, 10), Assert.Single(result.Sessions).Date);
    }
}
