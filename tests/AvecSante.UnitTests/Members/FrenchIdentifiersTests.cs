using AvecSante.Core.Members;

namespace AvecSante.UnitTests.Members;

public sealed class FrenchIdentifiersTests
{
    [Theory]
    [InlineData("73282932000074")] // a SIRET with a valid Luhn key
    [InlineData("35600000000048")] // La Poste's head office, valid by Luhn too
    [InlineData("35600000049837")] // a La Poste establishment: digit sum divisible by 5, not a Luhn number
    public void Valid_SIRET_numbers_are_accepted(string siret)
    {
        Assert.True(FrenchIdentifiers.IsValidSiret(siret));
    }

    [Theory]
    [InlineData("73282932000075")] // wrong key
    [InlineData("7328293200007")] // 13 digits
    [InlineData("7328293200007A")]
    [InlineData("35600000049838")] // La Poste, sum not divisible by 5
    public void Wrong_SIRET_numbers_are_refused(string siret)
    {
        Assert.False(FrenchIdentifiers.IsValidSiret(siret));
    }

    [Fact]
    public void The_La_Poste_exception_is_needed_for_its_establishments()
    {
        Assert.False(FrenchIdentifiers.Luhn("35600000049837"));
    }

    [Theory]
    [InlineData("010003820", true)] // published FINESS numbers
    [InlineData("010003812", true)]
    [InlineData("010003821", false)]
    [InlineData("2A0000036", true)] // Corsica: format only
    [InlineData("01000382", false)]
    public void FINESS_numbers_are_checked_for_format_and_key(string finess, bool valid)
    {
        Assert.Equal(valid, FrenchIdentifiers.IsValidFiness(finess));
    }

    [Fact]
    public void Spaces_and_dots_typed_inside_an_identifier_are_removed()
    {
        Assert.Equal("73282932000074", FrenchIdentifiers.Compact("732 829 320 00074"));
        Assert.Equal("010003820", FrenchIdentifiers.Compact("01.000.382.0"));
    }

    [Fact]
    public void The_Luhn_key_completes_any_number()
    {
        var siret = "1234567800001" + FrenchIdentifiers.LuhnKey("1234567800001");

        Assert.True(FrenchIdentifiers.IsValidSiret(siret));
    }
}
