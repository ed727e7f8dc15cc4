using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>What the console's first page shows: what needs the staff's eyes today.</summary>
public sealed record TodayView(
    DateOnly Since,
    IReadOnlyList<CallForProjects> NewCalls,
    IReadOnlyList<CallForProjects> ClosingSoon,
    IReadOnlyList<SourceRun> FailingSources,
    int FailedSends,
    IReadOnlyList<Event> ComingEvents,
    IReadOnlyList<MemberStructure> CotisationDue,
    DateTimeOffset Now);

/// <summary>GET console: new calls since the last working day, calls closing within 14 days, failures, events, cotisations.</summary>
public sealed class ConsoleTodayHandler(ConsoleGate gate, ICallRepository calls, ISourceRunStore runs, IOutboxStore outbox, IEventRepository events, MembersService members, TimeProvider clock)
{
    public const int ClosingWithinDays = 14;

    public Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var now = clock.GetUtcNow();
            var since = PreviousWorkingDay(ParisTime.Today(clock));
            var sinceInstant = ParisTime.FromLocal(since.ToDateTime(TimeOnly.MinValue));
            // Only the open calls shown are read: the store bounds reception and deadline before the rows travel. The
            // six reads are independent: started together, the page waits for the slowest rather than for their sum.
            var received = calls.ListAsync(new CallFilter(CallStatus.Open, CreatedFrom: sinceInstant), cancellationToken);
            var closing = calls.ListAsync(new CallFilter(CallStatus.Open, DeadlineFrom: now, DeadlineTo: now.AddDays(ClosingWithinDays)), cancellationToken);
            var sources = runs.ListAsync(cancellationToken);
            var failed = outbox.ListAsync(OutboxStatus.Failed, cancellationToken);
            var coming = events.ListAsync(cancellationToken);
            var grace = members.ListInGraceAsync(cancellationToken);
            await Task.WhenAll(received, closing, sources, failed, coming, grace).ConfigureAwait(false);
            var view = new TodayView(
                since,
                [.. (await received.ConfigureAwait(false)).OrderByDescending(c => c.CreatedAt)],
                [.. (await closing.ConfigureAwait(false)).OrderBy(c => c.Deadline)],
                [.. (await sources.ConfigureAwait(false)).Where(r => r.Enabled && r.Status == "failed")],
                (await failed.ConfigureAwait(false)).Count,
                [.. (await coming.ConfigureAwait(false)).Where(e => e.StartsAt >= now).OrderBy(e => e.StartsAt).Take(5)],
                await grace.ConfigureAwait(false),
                now);
            return WebPage.Render<TodayPage>(new Dictionary<string, object?> { [nameof(TodayPage.Frame)] = console.Frame, [nameof(TodayPage.View)] = view });
        }, cancellationToken);

    public static DateOnly PreviousWorkingDay(DateOnly today)
    {
        var day = today.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || FrenchHolidays.IsHoliday(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
