using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.UnitTests.Alerts;

/// <summary>The reminder and digest timers fire every hour in UTC; they must act at 08:00 Paris in winter and in summer.</summary>
public sealed class ScheduledAlertsAcrossDstTests
{
    private static DateTimeOffset Paris(int year, int month, int day, int hour) => ParisTime.FromLocal(new DateTime(year, month, day, hour, 0, 0));

    private static async Task<List<(DateTimeOffset At, OutboxMessage Message)>> RunHourlyAsync(
        DateTimeOffset from, DateTimeOffset to, Func<FakeTimeProvider, MemoryOutbox, MemoryState, Func<Task>> job)
    {
        var clock = new FakeTimeProvider(from);
        var outbox = new MemoryOutbox();
        var run = job(clock, outbox, new MemoryState());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<(DateTimeOffset, OutboxMessage)>();
        for (; clock.GetUtcNow() <= to; clock.Advance(TimeSpan.FromHours(1)))
        {
            await run();
            await run(); // a second run of the same hour (late retry, two instances) plans nothing more
            foreach (var message in outbox.All.Where(m => seen.Add(m.Id)))
            {
                planned.Add((clock.GetUtcNow(), message));
            }
        }
        return planned;
    }

    private static Func<Task> Reminders(FakeTimeProvider clock, MemoryOutbox outbox, MemoryState state, MemoryCalls calls) =>
        () => new ReminderPlanner(calls, new MemoryPeople(AlertSamples.Coordinator("p1")), outbox, state, AlertSamples.Routing(clock), clock, NullLogger<ReminderPlanner>.Instance)
            .RunAsync(force: false, CancellationToken.None);

    [Fact]
    public async Task Reminders_go_out_at_8_Paris_around_the_last_Sunday_of_March()
    {
        var created = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var calls = new MemoryCalls(
            AlertSamples.Call("a", created, Paris(2027, 3, 29, 12)),  // J-2 on Saturday 27 (winter time)
            AlertSamples.Call("b", created, Paris(2027, 3, 30, 12)),  // J-2 on Sunday 28, the day clocks go forward
            AlertSamples.Call("c", created, Paris(2027, 4, 5, 12)));  // J-7 on Monday 29 (summer time)

        var planned = await RunHourlyAsync(new DateTimeOffset(2027, 3, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 30, 0, 0, 0, TimeSpan.Zero),
            (clock, outbox, state) => Reminders(clock, outbox, state, calls));

        Assert.Equal(
            [
                ("a", new DateTimeOffset(2027, 3, 27, 7, 0, 0, TimeSpan.Zero), "Rappel J-2"),
                ("b", new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), "Rappel J-2"),
                ("c", new DateTimeOffset(2027, 3, 29, 6, 0, 0, TimeSpan.Zero), "Rappel J-7"),
            ],
            planned.Select(p => (p.Message.Subject!, p.At, p.Message.Email.Subject[..10])).ToList());
        Assert.All(planned, p => Assert.Equal(8, ParisTime.ToParis(p.At).Hour));
    }

    [Fact]
    public async Task Reminders_go_out_at_8_Paris_around_the_last_Sunday_of_October()
    {
        var created = new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var calls = new MemoryCalls(
            AlertSamples.Call("d", created, Paris(2027, 11, 1, 12)),  // J-2 on Saturday 30 (summer time)
            AlertSamples.Call("e", created, Paris(2027, 11, 2, 12)),  // J-2 on Sunday 31, the day clocks go back
            AlertSamples.Call("f", created, Paris(2027, 11, 8, 12))); // J-7 on Monday 1 November (winter time)

        var planned = await RunHourlyAsync(new DateTimeOffset(2027, 10, 29, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 2, 0, 0, 0, TimeSpan.Zero),
            (clock, outbox, state) => Reminders(clock, outbox, state, calls));

        Assert.Equal(
            [
                ("d", new DateTimeOffset(2027, 10, 30, 6, 0, 0, TimeSpan.Zero)),
                ("e", new DateTimeOffset(2027, 10, 31, 7, 0, 0, TimeSpan.Zero)),
                ("f", new DateTimeOffset(2027, 11, 1, 7, 0, 0, TimeSpan.Zero)),
            ],
            planned.Select(p => (p.Message.Subject!, p.At)).ToList());
        Assert.All(planned, p => Assert.Equal(8, ParisTime.ToParis(p.At).Hour));
    }

    [Theory]
    [InlineData("2027-03-27T00:00:00Z", "2027-03-29T06:00:00Z", "2027-W13")] // first Monday of summer time
    [InlineData("2027-10-30T00:00:00Z", "2027-11-01T07:00:00Z", "2027-W44")] // first Monday of winter time
    public async Task The_digest_goes_out_once_on_Monday_at_8_Paris(string from, string expected, string week)
    {
        var start = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var calls = new MemoryCalls(
            AlertSamples.Call("new", start.AddDays(1), start.AddDays(20)),   // new in the week, deadline within three weeks
            AlertSamples.Call("old", start.AddDays(-30), start.AddDays(12))); // known before, deadline within three weeks

        var planned = await RunHourlyAsync(start, start.AddDays(3), (clock, outbox, state) =>
            () => new DigestPlanner(calls, new MemoryPeople(AlertSamples.Coordinator("p1"), AlertSamples.Coordinator("p2", "56")), outbox, state,
                AlertSamples.Routing(clock), clock, NullLogger<DigestPlanner>.Instance).RunAsync(force: false, CancellationToken.None));

        var digest = Assert.Single(planned); // p2 (Morbihan) follows neither call: no empty digest
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), digest.At);
        Assert.Equal($"p1|{week}|digest", digest.Message.IdempotencyKey);
        Assert.Contains("Nouveaux appels de la semaine (1)", digest.Message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dates limites des trois prochaines semaines (2)", digest.Message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2>Nouveaux appels de la semaine (1)</h2>", digest.Message.Email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_seen_for_the_first_time_today_gets_no_reminder_on_top_of_its_alert()
    {
        var clock = new FakeTimeProvider(Paris(2027, 3, 2, 8));
        var calls = new MemoryCalls(AlertSamples.Call("fresh", Paris(2027, 3, 2, 7), Paris(2027, 3, 9, 12)));
        var outbox = new MemoryOutbox();

        await Reminders(clock, outbox, new MemoryState(), calls)();

        Assert.Empty(outbox.All);
    }
}
