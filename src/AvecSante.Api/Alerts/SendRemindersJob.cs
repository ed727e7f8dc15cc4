using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;

namespace AvecSante.Api.Alerts;

/// <summary>Timer SendReminders (hourly, UTC): acts from 08:00 Paris, once a day (state mark + outbox keys).</summary>
public sealed class SendRemindersJob(ReminderPlanner reminders) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RunAsync(force: false, cancellationToken);
}
