using AvecSante.Api.Calls;
using AvecSante.Api.Jobs;
using AvecSante.Core.Common;

namespace AvecSante.UnitTests.Calls.Ingestion;

public sealed class IngestCallsJobTests
{
    [Theory]
    [InlineData("2026-11-23T05:00:00Z", true)]   // Monday 06:00 Paris (winter, UTC+1)
    [InlineData("2026-11-23T06:00:00Z", false)]  // 07:00 Paris: odd hour
    [InlineData("2026-11-23T19:00:00Z", true)]   // 20:00 Paris
    [InlineData("2026-11-23T20:00:00Z", false)]  // 21:00 Paris: evening
    [InlineData("2026-06-15T04:00:00Z", true)]   // Monday 06:00 Paris (summer, UTC+2)
    [InlineData("2026-06-15T05:00:00Z", false)]  // 07:00 Paris in summer
    [InlineData("2026-11-21T09:00:00Z", false)]  // Saturday
    [InlineData("2026-11-11T09:00:00Z", false)]  // Armistice, a Wednesday
    [InlineData("2026-05-25T08:00:00Z", false)]  // Whit Monday 2026
    public void Ingestion_runs_every_two_hours_from_6_to_20_Paris_time_on_working_days(string utc, bool due)
    {
        var paris = ParisTime.ToParis(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(due, IngestCallsJob.IsDue(paris));
    }

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2025, 4, 20)]
    public void Easter_is_computed_for_the_moving_holidays(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));
    }
}
