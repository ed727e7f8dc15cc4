using System.Globalization;

using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>The facade on the three accepted inputs. The ARS and CPAM texts here are synthetic, modelled on their wording.</summary>
public sealed class CallTextNormaliserTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(1));

    // Synthetic ARS Bretagne page (no real ARS page is among the fixtures).
    private const string ArsPage = """
        <!DOCTYPE html>
        <html><head><title>Appel à projets « Prévention et promotion de la santé 2026 » | ARS Bretagne</title></head>
        <body>
        <nav><a href="/a">Appel à projets santé mentale — clôture le 1er février 2026</a></nav>
        <main>
        <h1>Appel à projets « Prévention et promotion de la santé 2026 »</h1>
        <p>Publié le 15/01/2026</p>
        <p>L&rsquo;ARS Bretagne lance un appel à projets pour soutenir les actions de prévention des addictions
        (tabac, alcool, écrans) et de promotion de la santé mentale.</p>
        <p>L&rsquo;appel s&rsquo;adresse aux maisons de santé pluriprofessionnelles, aux CPTS et aux associations.</p>
        <p>Une enveloppe de 300&nbsp;000&nbsp;&euro; est mobilisée.</p>
        <p>Lettre d&rsquo;intention&nbsp;: avant le 20 février 2026.</p>
        <p>Date limite de dépôt des dossiers&nbsp;: <strong>vendredi 27 mars 2026 à 23h59</strong>.</p>
        </main>
        <footer>À lire aussi : appel à projets ETP, clôture le 30 janvier 2026</footer>
        </body></html>
        """;

    [Fact]
    public void An_html_page_is_stripped_decoded_and_read_without_its_navigation()
    {
        var call = CallTextNormaliser.Normalise(ArsPage, new Uri("https://www.bretagne.ars.sante.fr/appel-pps-2026"), null, null, Now);

        Assert.Equal("Appel à projets « Prévention et promotion de la santé 2026 » | ARS Bretagne", call.Title);
        Assert.Equal(FunderKind.ArsBretagne, call.Funder.Kind);
        Assert.Equal(CallKind.AppelAProjets, call.Kind);
        Assert.True(call.IsFundingCall);
        Assert.Equal(DateTimeOffset.Parse("2026-03-27T23:59:00+01:00", CultureInfo.InvariantCulture), call.Deadline);
        Assert.Contains("27 mars 2026 à 23h59", call.DeadlineEvidence, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 2, 20), Assert.Single(call.IntermediateDates).Date);
        Assert.Equal(new DateOnly(2026, 1, 15), call.PublishedOn);
        Assert.Equal(["sante-mentale", "addictions", "prevention"], call.Themes);
        Assert.Equal(["MSP", "CPTS", "ASSOCIATION"], call.StructureKinds);
        Assert.Equal(["regional"], call.Departments);
        Assert.Equal(300_000, call.Amount?.Euros);
        Assert.DoesNotContain("&rsquo;", call.Summary, StringComparison.Ordinal);
    }

    // Synthetic CPAM mail, pasted as plain text (the sender and people are invented).
    private const string CpamMail = """
        De : CPAM d'Ille-et-Vilaine <partenariats@example.org>
        Objet : TR: Appel à projets prévention 2026 - MSP et CPTS

        Madame, Monsieur,

        La CPAM d'Ille-et-Vilaine lance son appel à projets prévention 2026 à destination des maisons de santé
        pluriprofessionnelles et des CPTS du département : dépistage organisé des cancers, vaccination, santé bucco-dentaire.

        Les projets sont à transmettre au plus tard le 23 juin à midi.

        Bien cordialement,
        L'équipe prévention
        """;

    [Fact]
    public void A_pasted_mail_gives_its_subject_as_title_its_sender_as_funder_and_a_year_from_publication()
    {
        var call = CallTextNormaliser.Normalise(CpamMail, null, null, new DateOnly(2026, 6, 1), Now);

        Assert.Equal("Appel à projets prévention 2026 - MSP et CPTS", call.Title);
        Assert.Equal("cpam-35", call.Funder.Code);
        Assert.Equal(DateTimeOffset.Parse("2026-06-23T12:00:00+02:00", CultureInfo.InvariantCulture), call.Deadline);
        Assert.Equal(["35"], call.Departments);
        Assert.Contains("depistage-cancers", call.Themes);
        Assert.Contains("vaccination", call.Themes);
        Assert.Equal(["MSP", "CPTS"], call.StructureKinds);
    }

    [Fact]
    public void An_explicit_sender_and_url_win_over_what_the_text_suggests()
    {
        var call = CallTextNormaliser.Normalise(CpamMail, new Uri("https://www.msa.fr/x"), "MSA <x@example.org>", null, Now);

        Assert.Equal(FunderKind.Msa, call.Funder.Kind);
    }

    [Fact]
    public void Plain_text_with_a_rolling_call_has_no_deadline()
    {
        var call = CallTextNormaliser.Normalise(
            "Fondation de France — Accompagner les aidants\n\nLes demandes sont examinées au fil de l'eau.",
            null, null, null, Now);

        Assert.Equal("Fondation de France — Accompagner les aidants", call.Title);
        Assert.Null(call.Deadline);
        Assert.True(call.IsRolling);
        Assert.Equal(["national"], call.Departments);
    }

    [Fact]
    public void The_scraper_layout_gives_title_url_and_structured_date()
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-btp-circulaire_17ac84b2.txt"), null, null, null, Now);

        Assert.Equal("Appel à projets \"Île-de-France BTP circulaire\"", call.Title);
        Assert.Equal(new Uri("https://www.iledefrance.fr/aides-et-appels-a-projets/804"), call.SourceUrl);
        Assert.Equal(new DateOnly(2025, 6, 15), call.StructuredDeadline);
        Assert.StartsWith("Depuis 2016, la Région est engagée", call.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paris_page_summary_skips_the_page_furniture()
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall("paris-prevention-rixes_6381d23a.txt"), null, null, null, Now);

        Assert.StartsWith("Dans le cadre de la Stratégie parisienne de prévention des rixes", call.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 12, 16), call.UpdatedOn);
    }

    [Fact]
    public void Empty_input_gives_an_empty_call_not_an_error()
    {
        var call = CallTextNormaliser.Normalise(string.Empty, null, null, null, Now);

        Assert.Equal(string.Empty, call.Title);
        Assert.Null(call.Deadline);
        Assert.Equal(FunderKind.Unknown, call.Funder.Kind);
    }
}
