using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;

namespace AvecSante.Api.Alerts;

/// <summary>Timer SendCallChangeAlerts: reads the "call changed" log from its cursor and plans the alerts of each change.</summary>
public sealed class SendCallChangeAlertsJob(CallChangeAlerts changes) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => changes.RunAsync(cancellationToken);
}
