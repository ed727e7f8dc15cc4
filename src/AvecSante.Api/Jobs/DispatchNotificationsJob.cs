using AvecSante.Core.Notifications;

namespace AvecSante.Api.Jobs;

/// <summary>Timer DispatchNotifications: sends what the outbox holds that is due.</summary>
public sealed class DispatchNotificationsJob(NotificationDispatcher dispatcher) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
