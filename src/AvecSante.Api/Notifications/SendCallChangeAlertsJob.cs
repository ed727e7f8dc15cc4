using AvecSante.Api.Jobs;
using AvecSante.Core.Notifications;

namespace AvecSante.Api.Notifications;

/// <summary>Timer SendCallChangeAlerts: reads the "call changed" log from its cursor and plans the alerts of each change.</summary>
public sealed class SendCallChangeAlertsJob(CallChangeAlerts changes) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => changes.RunAsync(cancellationToken);
}
