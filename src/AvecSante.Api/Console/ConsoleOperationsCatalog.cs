namespace AvecSante.Api.Console;

/// <summary>
/// The console's operations pages (Envois, Sources, Événements), spread into <see cref="ConsoleCatalog.Http"/> and so
/// walked by the same page-by-page access tests. Anonymous to the host: ConsoleGate admits staff only.
/// </summary>
public static class ConsoleOperationsCatalog
{
    public static IReadOnlyList<HttpFunction> Http { get; } =
    [
        new("ConsoleSends", ["GET"], "console/envois", FunctionAccess.Anonymous, typeof(ConsoleSendsHandlers), nameof(ConsoleSendsHandlers.ListAsync)),
        new("ConsoleRetrySend", ["POST"], "console/envois/{id}/reessayer", FunctionAccess.Anonymous, typeof(ConsoleSendsHandlers), nameof(ConsoleSendsHandlers.RetryAsync)),
        new("ConsoleRetryAllSends", ["POST"], "console/envois/reessayer", FunctionAccess.Anonymous, typeof(ConsoleSendsHandlers), nameof(ConsoleSendsHandlers.RetryAllAsync)),
        new("ConsoleRetryPoisonedWork", ["POST"], "console/envois/traitements/{id}/relancer", FunctionAccess.Anonymous, typeof(ConsolePoisonedWorkHandlers), nameof(ConsolePoisonedWorkHandlers.RetryAsync)),
        new("ConsoleDispatchSends", ["POST"], "console/envois/envoyer", FunctionAccess.Anonymous, typeof(ConsoleSendsHandlers), nameof(ConsoleSendsHandlers.DispatchAsync)),
        new("ConsoleSources", ["GET"], "console/sources", FunctionAccess.Anonymous, typeof(ConsoleSourcesHandlers), nameof(ConsoleSourcesHandlers.ListAsync)),
        new("ConsoleRunSources", ["POST"], "console/sources", FunctionAccess.Anonymous, typeof(ConsoleSourcesHandlers), nameof(ConsoleSourcesHandlers.RunAsync)),
        new("ConsoleEvents", ["GET"], "console/evenements", FunctionAccess.Anonymous, typeof(ConsoleEventsHandlers), nameof(ConsoleEventsHandlers.ListAsync)),
        new("ConsoleCreateEvent", ["POST"], "console/evenements", FunctionAccess.Anonymous, typeof(ConsoleEventsHandlers), nameof(ConsoleEventsHandlers.CreateAsync)),
        new("ConsoleEvent", ["GET"], "console/evenements/{id}", FunctionAccess.Anonymous, typeof(ConsoleEventsHandlers), nameof(ConsoleEventsHandlers.ShowAsync)),
        new("ConsoleEventRegistrationsCsv", ["GET"], "console/evenements/{id}/inscriptions.csv", FunctionAccess.Anonymous, typeof(ConsoleEventsHandlers), nameof(ConsoleEventsHandlers.DownloadAsync)),
        new("ConsoleImportAttendance", ["POST"], "console/evenements/{id}/presences", FunctionAccess.Anonymous, typeof(ConsoleEventsHandlers), nameof(ConsoleEventsHandlers.ImportAttendanceAsync)),
    ];
}
