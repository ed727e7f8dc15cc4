using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;

namespace AvecSante.UnitTests.Alerts;

public sealed class CallMatcherTests
{
    private static readonly CallForProjects Call = new()
    {
        Id = "c1",
        Title = "Prévention des addictions",
        Funder = "CPAM 29",
        Source = "manual",
        Themes = ["addictions"],
        Departments = ["29"],
        StructureKinds = ["MSP", "ESP"],
    };

    private static Person Coordinator(string department = "29", string kind = "MSP", string[]? themes = null, bool enabled = true) => new()
    {
        Id = "p1",
        FirstName = "Maëlle",
        LastName = "Exemple",
        Email = "maelle@example.org",
        Department = department,
        StructureKind = kind,
        Preferences = new AlertPreferences { Themes = themes ?? [], AlertsEnabled = enabled },
    };

    [Fact]
    public void A_coordinator_of_the_department_following_the_theme_is_told_why()
    {
        var reason = CallMatcher.Match(Call, Coordinator(themes: ["addictions", "vaccination"]));

        Assert.Equal("thème Addictions, Finistère, ouvert aux MSP", reason!.ToFrench());
    }

    [Theory]
    [InlineData("22", "MSP", "addictions", true)]
    [InlineData("29", "MSP", "perinatalite", false)]
    [InlineData("29", "CPTS", "addictions", false)]
    public void Department_theme_and_structure_kind_must_all_match(string department, string kind, string theme, bool enabled)
    {
        Assert.Null(CallMatcher.Match(Call, Coordinator(department, kind, [theme], enabled)));
    }

    [Fact]
    public void Nobody_who_unsubscribed_is_matched()
    {
        Assert.Null(CallMatcher.Match(Call, Coordinator(enabled: false)));
    }

    [Fact]
    public void A_regional_call_reaches_every_department_and_no_theme_means_every_theme()
    {
        var regional = Call with { Departments = ["regional"], StructureKinds = [] };

        var reason = CallMatcher.Match(regional, Coordinator(department: "56"));

        Assert.Equal("Morbihan", reason!.ToFrench());
    }
}
