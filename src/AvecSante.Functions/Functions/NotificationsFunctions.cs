using AvecSante.Api.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's notifications functions and delegates; the parity test keeps it so.</summary>
public sealed class NotificationsFunctions(NotificationsHandlers notifications)
{
    [Function("ListNotifications")]
    public Task<IResult> ListNotifications([HttpTrigger(AuthorizationLevel.Function, "get", Route = "notifications")] HttpRequest req, CancellationToken cancellationToken) => notifications.ListAsync(req, cancellationToken);

    [Function("DispatchNotificationsNow")]
    public Task<IResult> DispatchNotificationsNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "notifications/dispatch")] HttpRequest req, CancellationToken cancellationToken) => notifications.DispatchAsync(req, cancellationToken);

    [Function("RetryNotification")]
    public Task<IResult> RetryNotification([HttpTrigger(AuthorizationLevel.Function, "post", Route = "notifications/{id}/retry")] HttpRequest req, string id, CancellationToken cancellationToken) => notifications.RetryAsync(req, id, cancellationToken);

    [Function("PlanRemindersNow")]
    public Task<IResult> PlanRemindersNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "notifications/reminders")] HttpRequest req, CancellationToken cancellationToken) => notifications.PlanRemindersAsync(req, cancellationToken);

    [Function("PlanDigestNow")]
    public Task<IResult> PlanDigestNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "notifications/digest")] HttpRequest req, CancellationToken cancellationToken) => notifications.PlanDigestAsync(req, cancellationToken);
}
