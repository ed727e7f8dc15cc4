using AvecSante.Api.Console;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Console;

public sealed class EventFormTests
{
    private static EventForm Form(string capacity = "", string slugs = "", string prices = "") =>
        new("Journée fictive", EventKinds.JourneeRegionale, "2027-03-18T09:30", "2027-03-18T17:00", "Pacé", capacity, slugs, prices);

    [Fact]
    public void Prices_in_euros_with_a_French_comma_and_forms_one_per_line_or_comma_separated_become_the_API_s_submission()
    {
        var (submission, errors) = Form("120", "journee-2027, journee-2027-b\r\nautre-forme", "Adhérent : 25\r\nNon adhérent ; 40,50 €\r\n\r\nGratuit : 0").ToSubmission();

        Assert.Null(errors);
        Assert.Equal(120, submission!.Capacity);
        Assert.Equal(["journee-2027", "journee-2027-b", "autre-forme"], submission.FormSlugs!);
        Assert.Equal([new EventPrice("Adhérent", 2500), new EventPrice("Non adhérent", 4050), new EventPrice("Gratuit", 0)], submission.Prices!);
    }

    [Theory]
    [InlineData("cent", "", "capacity")]
    [InlineData("", "Adhérent 25", "prices")]
    [InlineData("", "Adhérent : vingt-cinq", "prices")]
    public void A_capacity_or_a_price_that_is_not_a_number_is_said_on_its_field(string capacity, string prices, string field)
    {
        var (submission, errors) = Form(capacity, prices: prices).ToSubmission();

        Assert.Null(submission);
        Assert.Equal([field], errors!.Fields);
    }

    [Fact]
    public void An_empty_capacity_means_no_limit()
    {
        Assert.Null(Form().ToSubmission().Submission!.Capacity);
    }
}
