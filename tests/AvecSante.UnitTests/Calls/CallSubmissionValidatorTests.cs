using AvecSante.Core.Calls;

namespace AvecSante.UnitTests.Calls;

public sealed class CallSubmissionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CallSubmission Valid() => new()
    {
        Title = "Appel à projets prévention des addictions",
        Funder = "CPAM 29",
        Url = "https://www.example.org/appel",
        PublishedOn = "2026-11-20",
        Deadline = "2026-12-14T12:00",
        Themes = ["addictions"],
        Departments = ["29"],
        StructureKinds = ["msp"],
    };

    [Fact]
    public void A_missing_title_is_refused_naming_the_title_field()
    {
        var result = CallSubmissionValidator.Validate(Valid() with { Title = "  " }, Now);

        Assert.Null(result.Value);
        var errors = result.Errors!.ToDictionary();
        Assert.Equal(["title"], errors.Keys);
        Assert.Contains("titre", errors["title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var result = CallSubmissionValidator.Validate(new CallSubmission
        {
            Url = "pas un lien",
            Deadline = "14/12/2026",
            Themes = ["astrologie"],
            Departments = ["75"],
            StructureKinds = ["EHPAD"],
        }, Now);

        Assert.Equal(
            ["deadline", "departments", "funder", "structureKinds", "themes", "title", "url"],
            result.Errors!.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wall_clock_deadline_is_read_as_Paris_time_in_winter_and_in_summer()
    {
        var winter = CallSubmissionValidator.Validate(Valid(), Now).Value!;
        var summer = CallSubmissionValidator.Validate(Valid() with { PublishedOn = null, Deadline = "2027-06-23T12:00" }, Now).Value!;

        Assert.Equal(new DateTimeOffset(2026, 12, 14, 12, 0, 0, TimeSpan.FromHours(1)), winter.Deadline);
        Assert.Equal(new DateTimeOffset(2027, 6, 23, 10, 0, 0, TimeSpan.Zero), summer.Deadline!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_bare_date_means_the_end_of_that_day_in_Paris()
    {
        var call = CallSubmissionValidator.Validate(Valid() with { Deadline = "2026-12-14" }, Now).Value!;

        Assert.Equal(new DateTimeOffset(2026, 12, 14, 23, 59, 0, TimeSpan.FromHours(1)), call.Deadline);
    }

    [Fact]
    public void A_deadline_before_publication_is_refused()
    {
        var result = CallSubmissionValidator.Validate(Valid() with { Deadline = "2026-11-01" }, Now);

        Assert.Contains("deadline", result.Errors!.Fields);
    }

    [Fact]
    public void The_same_call_gets_the_same_id_whatever_the_url_spelling()
    {
        var a = CallSubmissionValidator.Validate(Valid(), Now).Value!;
        var b = CallSubmissionValidator.Validate(Valid() with { Url = "http://example.org/appel/#haut" }, Now).Value!;
        var other = CallSubmissionValidator.Validate(Valid() with { Url = "https://www.example.org/autre-appel" }, Now).Value!;

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, other.Id);
    }

    [Fact]
    public void Structure_kinds_are_normalised_and_departments_default_to_the_region()
    {
        var call = CallSubmissionValidator.Validate(Valid() with { Departments = null }, Now).Value!;

        Assert.Equal(["MSP"], call.StructureKinds);
        Assert.Equal(["regional"], call.Departments);
        Assert.Equal(CallStatus.Open, call.Status);
    }
}
