namespace AvecSante.Api.Console;

/// <summary>
/// The console's routes, spread into FunctionCatalog.Http. Anonymous to the host: ConsoleGate admits staff only, and
/// the tests walk this table page by page to prove it. Served at /api/console/… by both hosts.
/// </summary>
public static class ConsoleCatalog
{
    /// <summary>Routes anybody may reach: the sign-in itself.</summary>
    public static IReadOnlySet<string> Open { get; } = new HashSet<string>(StringComparer.Ordinal) { "ConsoleSignIn", "ConsoleSignInSubmit" };

    public static IReadOnlyList<HttpFunction> Http { get; } =
    [
        new("ConsoleToday", ["GET"], "console", FunctionAccess.Anonymous, typeof(ConsoleTodayHandler), nameof(ConsoleTodayHandler.ShowAsync)),
        new("ConsoleSignIn", ["GET"], "console/connexion", FunctionAccess.Anonymous, typeof(ConsoleSignInHandlers), nameof(ConsoleSignInHandlers.ShowAsync)),
        new("ConsoleSignInSubmit", ["POST"], "console/connexion", FunctionAccess.Anonymous, typeof(ConsoleSignInHandlers), nameof(ConsoleSignInHandlers.SignInAsync)),
        new("ConsoleSignOut", ["POST"], "console/deconnexion", FunctionAccess.Anonymous, typeof(ConsoleSignInHandlers), nameof(ConsoleSignInHandlers.SignOutAsync)),
        new("ConsoleCalls", ["GET"], "console/appels", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.ListAsync)),
        new("ConsoleCall", ["GET"], "console/appels/{id}", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.ShowAsync)),
        new("ConsoleNewCall", ["GET"], "console/nouvel-appel", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.NewAsync)),
        new("ConsolePreviewCall", ["POST"], "console/nouvel-appel", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.PreviewAsync)),
        new("ConsolePublishCall", ["POST"], "console/nouvel-appel/publier", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.PublishAsync)),
        new("ConsoleReport", ["GET"], "console/rapport", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.ListAsync)),
        new("ConsoleCompileReport", ["POST"], "console/rapport", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.CompileAsync)),
        new("ConsoleReportYear", ["GET"], "console/rapport/{year}", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.ShowAsync)),
        new("ConsoleDownloadReport", ["GET"], "console/rapport/{year}/{format}", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.DownloadAsync)),
        new("ConsoleMemberImportForm", ["GET"], "console/adherents/import", FunctionAccess.Anonymous, typeof(ConsoleMembersHandlers), nameof(ConsoleMembersHandlers.ImportFormAsync)),
        new("ConsoleMemberImport", ["POST"], "console/adherents/import", FunctionAccess.Anonymous, typeof(ConsoleMembersHandlers), nameof(ConsoleMembersHandlers.ImportAsync)),
        .. ConsoleOperationsCatalog.Http,
    ];
}
