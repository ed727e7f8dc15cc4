using AvecSante.Core.Common;
using AvecSante.Core.Documents;

namespace AvecSante.UnitTests.Documents;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Activité Physique", "activite physique")]
    [InlineData("Côtes-d'Armor", "cotes d armor")]
    [InlineData("SŒUR, cœur et Æ", "soeur coeur et ae")]
    [InlineData("  Santé   mentale !  ", "sante mentale")]
    [InlineData("ÉTÉ à Brocéliande", "ete a broceliande")]
    public void Folding_drops_case_accents_ligatures_and_punctuation(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }

    [Theory]
    [InlineData("Lannion\uFFFE", "lannion")]
    [InlineData("\uD800Saint-Brieuc", "saint brieuc")]
    [InlineData("Quimper\uFFFF\u0000\u0001", "quimper")]
    [InlineData("Vannes\uDC00 \uD83D\uDE42 Lorient", "vannes lorient")]
    public void Text_that_unicode_normalisation_refuses_still_folds(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }

    [Fact]
    public void A_query_without_accents_finds_accented_text()
    {
        var text = TextFolding.Fold("Freins : météo bretonne ; leviers : séances en fin de journée");

        Assert.True(SearchText.Matches(text, SearchText.Terms("meteo SEANCES")));
        Assert.True(SearchText.Matches(text, SearchText.Terms("Météo")));
    }

    [Fact]
    public void Every_word_of_the_query_must_be_found()
    {
        var text = TextFolding.Fold("Atelier tabac en MSP");

        Assert.False(SearchText.Matches(text, SearchText.Terms("tabac alcool")));
    }

    [Fact]
    public void Words_match_from_their_start_not_in_their_middle()
    {
        var text = TextFolding.Fold("sevrage tabagique");

        Assert.True(SearchText.Matches(text, SearchText.Terms("tabag")));
        Assert.False(SearchText.Matches(text, SearchText.Terms("agique")));
    }

    [Fact]
    public void An_empty_query_has_no_terms()
    {
        Assert.Empty(SearchText.Terms("  ?! "));
    }
}
