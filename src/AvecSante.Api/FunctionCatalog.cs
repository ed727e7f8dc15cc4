using AvecSante.Api.Calls;
using AvecSante.Api.Health;
using AvecSante.Api.Jobs;
using AvecSante.Api.Notifications;

namespace AvecSante.Api;

/// <summary>Who may call a route: as the Functions host's AuthorizationLevel (Anonymous, or Function = needs a key).</summary>
public enum FunctionAccess
{
    Anonymous,
    Function,
}

/// <summary>An HTTP function: its name, methods, route under /api, access, and the handler method it delegates to.</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, FunctionAccess Access, Type Handler, string HandlerMethod);

/// <summary>A timer function: its name, the NCRONTAB setting (UTC) that schedules it, and the job it runs.</summary>
public sealed record TimerFunction(string Name, string ScheduleSetting, Type Job);

/// <summary>
/// The one table of functions. The LocalHost maps exactly these; the parity test holds src/AvecSante.Functions to them.
/// Add a function here first, then its one-line twin in the Functions project.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<HttpFunction> Http { get; } =
    [
        new("Health", ["GET"], "health", FunctionAccess.Anonymous, typeof(HealthHandler), nameof(HealthHandler.CheckAsync)),
        new("SubmitCall", ["POST"], "calls", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.SubmitAsync)),
        new("ListCalls", ["GET"], "calls", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.ListAsync)),
        new("GetCall", ["GET"], "calls/{id}", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.GetAsync)),
        new("ListNotifications", ["GET"], "notifications", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.ListAsync)),
        new("DispatchNotificationsNow", ["POST"], "notifications/dispatch", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.DispatchAsync)),
    ];

    public static IReadOnlyList<TimerFunction> Timers { get; } =
    [
        new("DispatchNotifications", "Schedules:DispatchNotifications", typeof(DispatchNotificationsJob)),
    ];
}
