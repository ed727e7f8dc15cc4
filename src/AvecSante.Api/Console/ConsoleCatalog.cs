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
        new("ConsoleReviewCall", ["POST"], "console/appels/{id}/verification", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.ReviewAsync)),
        new("ConsoleCorrectCall", ["POST"], "console/appels/{id}/correction", FunctionAccess.Anonymous, typeof(ConsoleCallChangesHandlers), nameof(ConsoleCallChangesHandlers.CorrectAsync)),
        new("ConsoleCancelCall", ["POST"], "console/appels/{id}/annulation", FunctionAccess.Anonymous, typeof(ConsoleCallChangesHandlers), nameof(ConsoleCallChangesHandlers.CancelAsync)),
        new("ConsoleReinstateCall", ["POST"], "console/appels/{id}/retablissement", FunctionAccess.Anonymous, typeof(ConsoleCallChangesHandlers), nameof(ConsoleCallChangesHandlers.ReinstateAsync)),
        new("ConsoleNewCall", ["GET"], "console/nouvel-appel", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.NewAsync)),
        new("ConsolePreviewCall", ["POST"], "console/nouvel-appel", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.PreviewAsync)),
        new("ConsolePublishCall", ["POST"], "console/nouvel-appel/publier", FunctionAccess.Anonymous, typeof(ConsoleCallsHandlers), nameof(ConsoleCallsHandlers.PublishAsync)),
        new("ConsoleReport", ["GET"], "console/rapport", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.ListAsync)),
        new("ConsoleCompileReport", ["POST"], "console/rapport", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.CompileAsync)),
        new("ConsoleReportYear", ["GET"], "console/rapport/{year}", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.ShowAsync)),
        new("ConsoleDownloadReport", ["GET"], "console/rapport/{year}/{format}", FunctionAccess.Anonymous, typeof(ConsoleReportHandlers), nameof(ConsoleReportHandlers.DownloadAsync)),
        new("ConsoleMemberImportForm", ["GET"], "console/adherents/import", FunctionAccess.Anonymous, typeof(ConsoleMembersHandlers), nameof(ConsoleMembersHandlers.ImportFormAsync)),
        new("ConsoleMemberImport", ["POST"], "console/adherents/import", FunctionAccess.Anonymous, typeof(ConsoleMembersHandlers), nameof(ConsoleMembersHandlers.ImportAsync)),
        new("ConsoleStructures", ["GET"], "console/adherents", FunctionAccess.Anonymous, typeof(ConsoleMemberFileHandlers), nameof(ConsoleMemberFileHandlers.ListStructuresAsync)),
        new("ConsoleStructure", ["GET"], "console/adherents/structures/{id}", FunctionAccess.Anonymous, typeof(ConsoleMemberFileHandlers), nameof(ConsoleMemberFileHandlers.ShowStructureAsync)),
        new("ConsoleUpdateStructure", ["POST"], "console/adherents/structures/{id}", FunctionAccess.Anonymous, typeof(ConsoleMemberFileHandlers), nameof(ConsoleMemberFileHandlers.UpdateStructureAsync)),
        new("ConsoleRecordCotisation", ["POST"], "console/adherents/structures/{id}/cotisations", FunctionAccess.Anonymous, typeof(ConsoleMemberFileHandlers), nameof(ConsoleMemberFileHandlers.RecordCotisationAsync)),
        new("ConsoleExportMembers", ["GET"], "console/adherents/export/{format}", FunctionAccess.Anonymous, typeof(ConsoleMemberFileHandlers), nameof(ConsoleMemberFileHandlers.ExportAsync)),
        new("ConsolePeople", ["GET"], "console/adherents/personnes", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.ListAsync)),
        new("ConsolePerson", ["GET"], "console/adherents/personnes/{id}", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.ShowAsync)),
        new("ConsoleUpdatePerson", ["POST"], "console/adherents/personnes/{id}", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.UpdateAsync)),
        new("ConsolePersonData", ["GET"], "console/adherents/personnes/{id}/donnees", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.ExportAsync)),
        new("ConsoleConfirmErasure", ["GET"], "console/adherents/personnes/{id}/effacement", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.ConfirmEraseAsync)),
        new("ConsoleErasePerson", ["POST"], "console/adherents/personnes/{id}/effacement", FunctionAccess.Anonymous, typeof(ConsolePeopleHandlers), nameof(ConsolePeopleHandlers.EraseAsync)),
        new("ConsoleLibrary", ["GET"], "console/capitalisation", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.ListAsync)),
        new("ConsoleNewSheet", ["GET"], "console/nouvelle-fiche", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.NewAsync)),
        new("ConsoleUploadSheet", ["POST"], "console/nouvelle-fiche", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.UploadAsync)),
        new("ConsoleSheet", ["GET"], "console/capitalisation/{id}", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.ShowAsync)),
        new("ConsoleSheetFile", ["GET"], "console/capitalisation/{id}/fichier", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.DownloadAsync)),
        new("ConsoleAddSheetVersion", ["POST"], "console/capitalisation/{id}/versions", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.AddVersionAsync)),
        new("ConsoleBinSheet", ["POST"], "console/capitalisation/{id}/corbeille", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.BinAsync)),
        new("ConsoleRestoreSheet", ["POST"], "console/capitalisation/{id}/restauration", FunctionAccess.Anonymous, typeof(ConsoleLibraryHandlers), nameof(ConsoleLibraryHandlers.RestoreAsync)),
        .. ConsoleOperationsCatalog.Http,
    ];
}
