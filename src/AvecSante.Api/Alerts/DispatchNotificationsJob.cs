using AvecSante.Api.Jobs;
using AvecSante.Core.Alerts;

namespace AvecSante.Api.Alerts;

/// <summary>Timer DispatchNotifications: sends what the outbox holds that is due.</summary>
public sealed class DispatchNotificationsJob(NotificationDispatcher dispatcher) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
