using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>What the further real calls taught the reader, each on a short synthetic text of the same shape.</summary>
public sealed class FurtherReadingTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static NormalisedCall Read(string text) => CallTextNormaliser.Normalise(text, null, null, null, Now);

    [Theory]
    [InlineData("Appel à projets prévention\nLa Caisse nationale d'assurance vieillesse (CNAV) lance un appel à projets pour les retraités.", "Caisse nationale d'assurance vieillesse (CNAV)")]
    [InlineData("Appel à projets coopération\nLe ministère de la Santé et le ministère des Sports ont lancé un appel à projets commun.", "Ministère de la Santé")]
    [InlineData("Notre organisation\nLa Fondation Exemple Solidaire a été créée en 2006. Placée sous l'égide de la Fondation de France, la Fondation soutient des projets en faveur des femmes.", "Fondation Exemple Solidaire")]
    [InlineData("Soutien régional aux radios locales d'Île-de-France\nLa Région soutient les projets des médias de proximité.", "Région Île-de-France")]
    [InlineData("Appel à projet de la Province de Namur\nLes communes du réseau peuvent déposer leur candidature.", "Province de Namur")]
    [InlineData("Culture\nLe ministère vous propose un soutien financier pour vos projets.", "Financeur non identifié")]
    public void The_funder_is_the_organisation_the_text_names_whole(string text, string funder)
    {
        Assert.Equal(funder, Read(text).Funder.Name);
    }

    [Theory]
    [InlineData("""{"name": "Appel à projets centre parental", "description": "", "origin_url": "https://test.manche.fr/guide-des-aides/centre-parental/"}""", "Département de la Manche")]
    [InlineData("""{"title": "CulturePro", "url": "https://www.culture.gouv.fr/appels/culturepro", "summary": "Le ministère vous propose un soutien financier."}""", "Ministère de la Culture")]
    [InlineData("""{"post_title": "Programme thématique 2027", "info_responsible": "Commission européenne", "filtres_beneficiaries": "Association & ONG;Collectivité Territoriale & Entité Affiliée"}""", "Commission européenne")]
    public void A_record_names_its_funder_by_its_field_or_by_the_funder_s_own_site(string record, string funder)
    {
        Assert.Equal(funder, Read(record).Funder.Name);
    }

    [Theory]
    [InlineData("""{"title": "CulturePro", "deadline": "15 avril 2027", "summary": "Une aide pour les écoles."}""", "2027-04-15T23:59:00+02:00")]
    [InlineData("""{"post_title": "Programme 2027", "deadline1": "20270412", "info_priories": "Des actions de prévention."}""", "2027-04-12T23:59:00+02:00")]
    public void A_record_s_closing_field_is_read_whether_written_or_compact(string record, string deadline)
    {
        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), Read(record).Deadline);
    }

    [Fact]
    public void Closings_listed_in_one_sentence_are_sessions_and_the_next_one_is_the_deadline()
    {
        var call = Read("Appel à projets biomasse\nDeux clôtures auront lieu en 2027 : la première le 27/02/2027 et la seconde le 20/09/2027.");

        Assert.Equal(new DateTimeOffset(2027, 9, 20, 23, 59, 0, TimeSpan.FromHours(2)), call.Deadline);
        Assert.Equal(2, call.DeadlineSessions.Count);
    }

    [Fact]
    public void A_first_step_s_stated_date_is_the_deadline_when_the_call_gives_no_other_but_a_webinar_never_is()
    {
        var intention = Read("Note d'intention\nDate limite de dépôt : 3 avril 2027\nNom de la structure :");
        var webinar = Read("Appel à projets prévention\nUn webinaire d'information aura lieu le 3 avril 2027.");

        Assert.Equal(new DateTimeOffset(2027, 4, 3, 23, 59, 0, TimeSpan.FromHours(2)), intention.Deadline);
        Assert.Null(webinar.Deadline);
    }

    [Fact]
    public void A_site_s_news_list_after_the_page_gives_no_deadline()
    {
        var text = "Fondation Exemple\n" + string.Concat(Enumerable.Repeat("La Fondation Exemple soutient l'innovation sociale depuis quarante ans. ", 8))
            + "\nNos actualités\nMÉCÉNAT 30/01/2027 Associations engagées : déposez votre candidature du 30 janvier au 11 mars 2027";

        Assert.Null(Read(text).Deadline);
    }
}
