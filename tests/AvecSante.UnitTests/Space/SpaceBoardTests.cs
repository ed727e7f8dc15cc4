using AvecSante.Core.Calls;
using AvecSante.Core.Space;
using static AvecSante.UnitTests.Space.SpaceTestData;

namespace AvecSante.UnitTests.Space;

public sealed class SpaceBoardTests
{
    private static readonly CallForProjects[] Calls =
    [
        Call("tabac", "addictions", Now.AddDays(20), "CPAM 29", "29"),
        Call("ecrans", "addictions", Now.AddDays(5), "ARS Bretagne"),
        Call("nutrition", "nutrition-activite-physique", Now.AddDays(3), "Région Bretagne"),
        Call("morbihan", "addictions", Now.AddDays(10), "CPAM 56", "56"),
        Call("fil-de-l-eau", "sante-mentale", null, "Fondation de France"),
        Call("passe", "addictions", Now.AddDays(-1), "CPAM 29"),
        Call("annule", "addictions", Now.AddDays(9), "CPAM 29") with { Status = CallStatus.Closed },
    ];

    [Fact]
    public void Calls_matching_the_preferences_come_first_soonest_deadline_first_then_every_other_open_call()
    {
        var board = SpaceBoard.Build(Calls, Coordinator("p1", "addictions"), new BoardFilter(), Now);

        Assert.Equal(["ecrans", "tabac"], board.ForYou.Select(c => c.Id));
        Assert.Equal(["nutrition", "morbihan", "fil-de-l-eau"], board.Others.Select(c => c.Id));
    }

    [Fact]
    public void Someone_who_turned_alerts_off_still_sees_what_concerns_them()
    {
        var person = Coordinator("p1", "addictions");
        person = person with { Preferences = person.Preferences with { AlertsEnabled = false } };

        Assert.Equal(["ecrans", "tabac"], SpaceBoard.Build(Calls, person, new BoardFilter(), Now).ForYou.Select(c => c.Id));
    }

    [Theory]
    [InlineData("addictions", null, null, null, "ecrans,morbihan,tabac")]
    [InlineData(null, "cpam 56", null, null, "morbihan")]
    [InlineData(null, null, "56", null, "nutrition,ecrans,morbihan,fil-de-l-eau")]
    [InlineData(null, null, null, 5, "nutrition,ecrans")]
    public void Filters_narrow_both_lists(string? theme, string? funder, string? department, int? within, string expected)
    {
        var board = SpaceBoard.Build(Calls, Coordinator("p1", "addictions"), new BoardFilter(theme, funder, department, null, within), Now);

        Assert.Equal(expected.Split(','), board.ForYou.Concat(board.Others).OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).Select(c => c.Id));
    }

    [Fact]
    public void A_call_for_other_structure_kinds_is_filtered_out_by_kind()
    {
        var cpts = Call("cpts", "addictions", Now.AddDays(8)) with { StructureKinds = ["CPTS"] };

        Assert.Empty(SpaceBoard.Build([cpts], Coordinator(), new BoardFilter(StructureKind: "MSP"), Now).Others);
        Assert.Single(SpaceBoard.Build([cpts], Coordinator(), new BoardFilter(StructureKind: "CPTS"), Now).Others);
    }

    [Fact]
    public void The_funders_offered_are_those_of_open_calls()
    {
        var board = SpaceBoard.Build(Calls, Coordinator(), new BoardFilter(), Now);

        Assert.Equal(["ARS Bretagne", "CPAM 29", "CPAM 56", "Fondation de France", "Région Bretagne"], board.Funders);
    }
}
