using System.Globalization;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.Core.People;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Notifications;

/// <summary>When the 08:00 Paris jobs act. Their timers fire hourly in UTC, so summer time needs no second schedule.</summary>
public static class AlertClock
{
    public const int Hour = 8;

    /// <summary>From 08:00 Paris on; a day already done (state mark) is not done again, so a failed 08:00 run catches up.</summary>
    public static bool IsTimeToAct(DateTimeOffset paris) => paris.Hour >= Hour;

    public static DateOnly Day(DateTimeOffset paris) => DateOnly.FromDateTime(paris.DateTime);

    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)).ToString("D2", CultureInfo.InvariantCulture)}";
}

public sealed record ScheduledRun(bool Acted, int Planned);

/// <summary>Deadline reminders: at 08:00 Paris, for each open call, to each matching person whose offsets hold the days left.</summary>
public sealed partial class ReminderPlanner(
    ICallRepository calls,
    IPeopleDirectory people,
    IOutboxStore outbox,
    IAlertStateStore state,
    AlertRouting routing,
    TimeProvider clock,
    ILogger<ReminderPlanner> logger)
{
    /// <param name="force">Plan today's reminders now, before 08:00 or again, calls first seen today included (a staff action); keys still prevent doubles.</param>
    public async Task<ScheduledRun> RunAsync(bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paris = ParisTime.ToParis(now);
        var day = AlertClock.Day(paris);
        var mark = "reminders~" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!force && (!AlertClock.IsTimeToAct(paris) || await state.GetAsync(mark, cancellationToken).ConfigureAwait(false) is not null))
        {
            return new ScheduledRun(false, 0);
        }

        var open = await calls.ListAsync(new CallFilter(Status: CallStatus.Open), cancellationToken).ConfigureAwait(false);
        var recipients = (await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => AlertKinds.Allows(p.Preferences, AlertKinds.Reminder)).ToList();
        var messages = new List<OutboxMessage>();
        foreach (var call in open)
        {
            if (call.Deadline is not { } end || end <= now)
            {
                continue;
            }
            var daysLeft = AlertLayout.DaysLeft(end, now);
            // A call first seen today was just alerted: no reminder on top of its alert (unless staff ask for it now).
            if (!force && AlertClock.Day(ParisTime.ToParis(call.CreatedAt)) >= day)
            {
                continue;
            }
            EmailContent? template = null;
            foreach (var person in recipients.Where(p => p.Preferences.ReminderOffsets.Contains(daysLeft)))
            {
                if (CallMatcher.Match(call, person) is { } reason)
                {
                    template ??= ReminderComposer.Template(call, daysLeft, now);
                    messages.Add(routing.Envelope(person, template, AlertKinds.Reminder,
                        $"{call.Id}~j{daysLeft.ToString(CultureInfo.InvariantCulture)}", reason.ToFrench(), now, call.Id));
                }
            }
        }
        var planned = await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(mark, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        LogPlanned(day, planned.Count);
        return new ScheduledRun(true, planned.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders of {Day}: {Planned} newly planned")]
    private partial void LogPlanned(DateOnly day, int planned);
}

/// <summary>The weekly digest: Monday from 08:00 Paris, the week's new calls and the deadlines of the next three weeks.</summary>
public sealed partial class DigestPlanner(
    ICallRepository calls,
    IPeopleDirectory people,
    IOutboxStore outbox,
    IAlertStateStore state,
    AlertRouting routing,
    TimeProvider clock,
    ILogger<DigestPlanner> logger)
{
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(21);

    /// <param name="force">Plan this week's digest now, whatever the day and hour (a staff action); keys still prevent doubles.</param>
    public async Task<ScheduledRun> RunAsync(bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paris = ParisTime.ToParis(now);
        var today = AlertClock.Day(paris);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var week = AlertClock.Week(monday);
        var mark = "digest~" + week;
        if (!force && (today != monday || !AlertClock.IsTimeToAct(paris) || await state.GetAsync(mark, cancellationToken).ConfigureAwait(false) is not null))
        {
            return new ScheduledRun(false, 0);
        }

        // The week is the seven days before Monday 08:00 Paris; a call seen after 08:00 goes in the next digest.
        // Asked for now (staff), the week ends now, so what came in since Monday is in it.
        var cutoff = force ? now : ParisTime.FromLocal(monday.ToDateTime(new TimeOnly(AlertClock.Hour, 0)));
        var all = await calls.ListAsync(new CallFilter(), cancellationToken).ConfigureAwait(false);
        var fresh = all.Where(c => c.CreatedAt >= cutoff.AddDays(-7) && c.CreatedAt < cutoff && c.Status == CallStatus.Open)
            .OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ToList();
        var upcoming = all.Where(c => c.Status == CallStatus.Open && c.Deadline is { } d && d > now && d <= cutoff + UpcomingWindow)
            .OrderBy(c => c.Deadline).ToList();

        var templates = new Dictionary<string, EmailContent>(StringComparer.Ordinal);
        var messages = new List<OutboxMessage>();
        foreach (var person in await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!AlertKinds.Allows(person.Preferences, AlertKinds.Digest))
            {
                continue;
            }
            var mine = fresh.Where(c => CallMatcher.Match(c, person) is not null).ToList();
            var soon = upcoming.Where(c => CallMatcher.Match(c, person) is not null).ToList();
            if (mine.Count == 0 && soon.Count == 0)
            {
                continue; // nothing to say: no empty digest
            }
            // People who follow the same calls get the same bytes, so SendGrid batches them too.
            var contentKey = string.Join(',', mine.Select(c => c.Id)) + "|" + string.Join(',', soon.Select(c => c.Id));
            if (!templates.TryGetValue(contentKey, out var template))
            {
                template = DigestComposer.Template(mine, soon, monday, now);
                templates[contentKey] = template;
            }
            messages.Add(routing.Envelope(person, template, AlertKinds.Digest, week, reason: null, now));
        }
        var planned = await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(mark, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        LogPlanned(week, planned.Count);
        return new ScheduledRun(true, planned.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Week}: {Planned} newly planned")]
    private partial void LogPlanned(string week, int planned);
}

/// <summary>
/// Reads the "call changed" log from where it stopped last time and plans the alerts of each change. The cursor trails
/// a little behind the last event read, since an ingestion run still in progress may write an event stamped slightly
/// earlier; reading an event twice plans nothing twice (outbox keys).
/// </summary>
public sealed partial class CallChangeAlerts(
    ICallEventLog events,
    ICallRepository calls,
    CallAlertPlanner planner,
    IAlertStateStore state,
    TimeProvider clock,
    ILogger<CallChangeAlerts> logger)
{
    public const string CursorKey = "call-events~cursor";
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(1);

    public async Task<ScheduledRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cursor = await state.GetAsync(CursorKey, cancellationToken).ConfigureAwait(false) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : now - FirstLookBack;
        var planned = 0;
        var read = 0;
        foreach (var change in await events.ListSinceAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            read++;
            if (await calls.GetAsync(change.CallId, cancellationToken).ConfigureAwait(false) is { } call)
            {
                planned += await planner.PlanCallChangedAsync(change, call, cancellationToken).ConfigureAwait(false);
            }
        }
        var next = now - Overlap;
        if (next > cursor)
        {
            await state.SetAsync(CursorKey, next.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        if (read > 0)
        {
            LogRead(read, planned);
        }
        return new ScheduledRun(read > 0, planned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call changes: {Read} event(s) read, {Planned} email(s) newly planned")]
    private partial void LogRead(int read, int planned);
}
