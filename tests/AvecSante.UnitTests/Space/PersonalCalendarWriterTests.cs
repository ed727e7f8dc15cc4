using AvecSante.Core.Calls;
using AvecSante.Core.Space;
using static AvecSante.UnitTests.Space.SpaceTestData;

namespace AvecSante.UnitTests.Space;

public sealed class PersonalCalendarWriterTests
{
    private static readonly SpaceAddresses Addresses = new(new Uri("https://alertes.example.org/"));

    [Fact]
    public void Deadlines_are_written_in_Paris_time_with_its_timezone_and_the_call_s_stable_uid()
    {
        var call = Call("c1", "addictions", new DateTimeOffset(2026, 12, 14, 11, 0, 0, TimeSpan.Zero));

        var ics = PersonalCalendarWriter.Write(PersonalCalendarWriter.Select([call], Coordinator("p1", "addictions"), Now), Addresses, Now);

        Assert.Contains("METHOD:PUBLISH\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("UID:appel-c1@avecsante\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20261214T113000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Paris:20261214T120000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("URL:https://alertes.example.org/api/espace/appels/c1\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(ics.Split("\r\n"), line => System.Text.Encoding.UTF8.GetByteCount(line) > 75);
    }

    [Fact]
    public void Only_calls_that_concern_the_person_with_a_deadline_not_long_past_are_listed()
    {
        var selected = PersonalCalendarWriter.Select(
        [
            Call("mine", "addictions", Now.AddDays(10)),
            Call("other-theme", "perinatalite", Now.AddDays(10)),
            Call("rolling", "addictions", null),
            Call("recent", "addictions", Now.AddDays(-10)) with { Status = CallStatus.Closed },
            Call("old", "addictions", Now.AddDays(-40)) with { Status = CallStatus.Closed },
            Call("held", "addictions", Now.AddDays(10)) with { Status = CallStatus.ToReview },
        ], Coordinator("p1", "addictions"), Now);

        Assert.Equal(["recent", "mine"], selected.Select(x => x.Call.Id));
        Assert.All(selected, x => Assert.False(x.Cancelled));
    }

    [Fact]
    public void A_call_closed_before_its_deadline_is_cancelled_with_a_higher_sequence()
    {
        var call = Call("c1", "addictions", Now.AddDays(10)) with
        {
            Status = CallStatus.Closed,
            History = [new CallChange(Now.AddHours(-1), "status", "open", "closed", "manual")],
        };

        var ics = PersonalCalendarWriter.Write(PersonalCalendarWriter.Select([call], Coordinator(), Now), Addresses, Now);

        Assert.Contains("STATUS:CANCELLED\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:[Annulé] Date limite", ics, StringComparison.Ordinal);
    }

}
