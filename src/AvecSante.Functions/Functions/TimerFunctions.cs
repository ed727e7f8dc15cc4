using AvecSante.Api.Jobs;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>
/// Binds FunctionCatalog's timers to their NCRONTAB app settings and runs the jobs. TimerInfo is not passed on: a job
/// decides itself what is due (DESIGN.md §6), so a late or missed occurrence changes nothing.
/// </summary>
public sealed class TimerFunctions(DispatchNotificationsJob dispatchNotifications)
{
    [Function("DispatchNotifications")]
    public Task DispatchNotifications([TimerTrigger("%Schedules:DispatchNotifications%")] TimerInfo timer, CancellationToken cancellationToken) => dispatchNotifications.RunAsync(cancellationToken);
}
