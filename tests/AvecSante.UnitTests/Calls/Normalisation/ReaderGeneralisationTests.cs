using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// The kinds of misses seen on real calls from outside Paris and Île-de-France, on invented texts: funders named as
/// organisations (never a fragment of a sentence), years fixed by a weekday or by the call's name, page timestamps,
/// deadlines given only in a record's fields, and the confidence that holds a call for review.
/// </summary>
public sealed class ReaderGeneralisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    private static NormalisedCall Read(string text) => CallTextNormaliser.Normalise(text, null, null, null, Now);

    [Theory]
    [InlineData("Appel à projets Bien vieillir\n\nLa Fondation Exemple Solidaire lance un appel à projets pour les associations de la Région Provence-Alpes-Côte d'Azur.", "Fondation Exemple Solidaire")]
    [InlineData("Soutien aux tiers-lieux\n\nLe Département de la Drôme soutient les communes. Contact : Département des Partenariats.", "Département de la Drôme")]
    [InlineData("Appel à projets santé\n\nLa Région et ses partenaires accompagnent les projets en Nouvelle-Aquitaine. La Région Nouvelle-Aquitaine finance jusqu'à 50 %.", "Région Nouvelle-Aquitaine")]
    [InlineData("Résidences d'artistes\n\nLe ministère de la Culture lance un appel à candidatures.", "Ministère de la Culture")]
    [InlineData("Prévention des addictions\n\nCet appel à projets de la DREETS Bretagne s'adresse aux associations.", "DREETS Bretagne")]
    [InlineData("Habitat inclusif\n\nProjets financés par le Conseil départemental du Finistère.", "Département du Finistère")]
    public void The_funder_is_the_organisation_the_text_names_never_a_fragment(string text, string funder)
    {
        Assert.Equal(funder, Read(text).Funder.Name);
    }

    [Theory]
    [InlineData("Région cible")]
    [InlineData("Région et")]
    [InlineData("Région Nouvelle")]
    [InlineData("Département des Partenariats")]
    public void Fragments_are_never_taken_for_a_funder(string fragment)
    {
        var call = Read("Appel à projets\n\nLes structures de la " + fragment + " peuvent candidater avant le 3 mars 2026.");

        Assert.NotEqual(fragment, call.Funder.Name);
        Assert.False(call.Funder.Name.StartsWith(fragment + " ", StringComparison.Ordinal) && call.Funder.Name.Length < fragment.Length + 3);
    }

    [Theory]
    [InlineData("CPAM 29", "CPAM du Finistère")]
    [InlineData("CPAM du Finistère", "CPAM du Finistère")]
    [InlineData("Conseil régional de Bretagne", "Région Bretagne")]
    [InlineData("Caisse nationale de solidarité pour l'autonomie", "CNSA")]
    public void Aliases_have_one_canonical_name(string alias, string canonical)
    {
        Assert.Equal(canonical, FunderClassifier.FromName(alias).Name);
    }

    [Fact]
    public void A_weekday_fixes_the_year_of_a_date_written_without_one()
    {
        // 29 May is a Wednesday in 2024 and 2030; read in January 2026 the nearest such year is 2024.
        var call = Read("Appel à projets prévention\n\nDate limite de dépôt : mercredi 29 mai à minuit.");

        Assert.Equal(new DateOnly(2024, 5, 29), DateOnly.FromDateTime(call.Deadline!.Value.DateTime));
    }

    [Fact]
    public void The_year_in_the_call_name_dates_a_deadline_without_year()
    {
        var call = Read("AAP2024 Santé mentale des jeunes\n\nLes dossiers sont à déposer au plus tard le 15 avril.");

        Assert.Equal(new DateOnly(2024, 4, 15), DateOnly.FromDateTime(call.Deadline!.Value.DateTime));
    }

    [Fact]
    public void A_page_timestamp_is_not_the_deadline_of_a_rolling_call()
    {
        var call = Read("Soutien aux projets associatifs\n\n10/03/2023 03:10\n\nLes demandes sont reçues au fil de l'eau, toute l'année.");

        Assert.Null(call.Deadline);
        Assert.True(call.IsRolling);
    }

    [Fact]
    public void A_deadline_given_only_in_a_record_field_is_read_and_held_for_review()
    {
        var call = Read("""{"name": "Aide aux maisons de santé", "description": "<p>La Région Bretagne soutient la création de maisons de santé pluriprofessionnelles.</p>", "submission_deadline": "2026-03-31"}""");

        Assert.Equal("Aide aux maisons de santé", call.Title);
        Assert.Equal(new DateOnly(2026, 3, 31), call.StructuredDeadline);
        Assert.Equal(new DateOnly(2026, 3, 31), DateOnly.FromDateTime(call.Deadline!.Value.DateTime));
        Assert.Equal("Région Bretagne", call.Funder.Name);
        Assert.True(call.NeedsReview);
        Assert.Equal(Confidence.Low, call.DeadlineConfidence);
    }

    [Fact]
    public void A_clear_call_is_not_held_and_an_unclear_one_is()
    {
        var clear = Read("Appel à projets prévention\n\nL'ARS Bretagne lance un appel à projets. Date limite de dépôt des dossiers : 12 mars 2026.");
        var unclear = Read("Quelques nouvelles\n\nMerci à toutes et à tous.");

        Assert.False(clear.NeedsReview);
        Assert.Equal(Confidence.High, clear.DeadlineConfidence);
        Assert.True(unclear.NeedsReview);
        Assert.NotEmpty(unclear.ReviewReasons);
    }
}
