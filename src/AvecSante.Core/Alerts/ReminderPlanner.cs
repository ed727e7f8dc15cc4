using System.Globalization;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Alerts;

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
