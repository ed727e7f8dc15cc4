using AvecSante.Api.Jobs;
using AvecSante.Core.Notifications;

namespace AvecSante.Api.Notifications;

/// <summary>Timer SendReminders (hourly, UTC): acts from 08:00 Paris, once a day (state mark + outbox keys).</summary>
public sealed class SendRemindersJob(ReminderPlanner reminders) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => reminders.RunAsync(force: false, cancellationToken);
}

/// <summary>Timer SendDigest (hourly, UTC): acts on Monday from 08:00 Paris, once a week.</summary>
public sealed class SendDigestJob(DigestPlanner digest) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => digest.RunAsync(force: false, cancellationToken);
}

/// <summary>Timer SendCallChangeAlerts: reads the "call changed" log from its cursor and plans the alerts of each change.</summary>
public sealed class SendCallChangeAlertsJob(CallChangeAlerts changes) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => changes.RunAsync(cancellationToken);
}
