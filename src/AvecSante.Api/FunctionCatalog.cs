using AvecSante.Api.Alerts;
using AvecSante.Api.Calls;
using AvecSante.Api.Documents;
using AvecSante.Api.Health;
using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Api.Members;
using AvecSante.Api.Reports;
using AvecSante.Api.Space;
using AvecSante.Api.Ticketing;
using AvecSante.Api.Web;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Storage;
using AvecSante.Infrastructure.Ticketing;

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
/// A queue function: its name, the app setting holding the queue's name, the connection setting the trigger names
/// (a connection string, or "{Connection}:queueServiceUri" with the app's identity), and the handler it runs.
/// </summary>
public sealed record QueueFunction(string Name, string QueueSetting, string Connection, Type Handler);

/// <summary>
/// The one table of functions. The LocalHost maps exactly these; the parity test holds src/AvecSante.Functions to them.
/// Add a function here first, then its one-line twin in the Functions project.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<HttpFunction> Http { get; } =
    [
        new("Health", ["GET"], "health", FunctionAccess.Anonymous, typeof(HealthHandler), nameof(HealthHandler.CheckAsync)),
        new("GetApiDescription", ["GET"], "openapi.json", FunctionAccess.Anonymous, typeof(ApiDescriptionHandler), nameof(ApiDescriptionHandler.GetAsync)),
        new("SubmitCall", ["POST"], "calls", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.SubmitAsync)),
        new("PreviewCall", ["POST"], "calls/preview", FunctionAccess.Function, typeof(CallIngestionHandlers), nameof(CallIngestionHandlers.PreviewAsync)),
        new("IngestCallsNow", ["POST"], "calls/ingest", FunctionAccess.Function, typeof(CallIngestionHandlers), nameof(CallIngestionHandlers.IngestAsync)),
        new("ListCallSources", ["GET"], "calls/sources", FunctionAccess.Function, typeof(CallIngestionHandlers), nameof(CallIngestionHandlers.SourcesAsync)),
        new("ListCalls", ["GET"], "calls", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.ListAsync)),
        new("GetCall", ["GET"], "calls/{id}", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.GetAsync)),
        new("ReviewCall", ["POST"], "calls/{id}/review", FunctionAccess.Function, typeof(CallsHandlers), nameof(CallsHandlers.ReviewAsync)),
        new("CorrectCall", ["POST"], "calls/{id}/correction", FunctionAccess.Function, typeof(CallChangesHandlers), nameof(CallChangesHandlers.CorrectAsync)),
        new("CancelCall", ["POST"], "calls/{id}/cancellation", FunctionAccess.Function, typeof(CallChangesHandlers), nameof(CallChangesHandlers.CancelAsync)),
        new("ReinstateCall", ["POST"], "calls/{id}/reinstatement", FunctionAccess.Function, typeof(CallChangesHandlers), nameof(CallChangesHandlers.ReinstateAsync)),
        new("ListNotifications", ["GET"], "notifications", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.ListAsync)),
        new("DispatchNotificationsNow", ["POST"], "notifications/dispatch", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.DispatchAsync)),
        new("RetryNotification", ["POST"], "notifications/{id}/retry", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.RetryAsync)),
        new("PlanRemindersNow", ["POST"], "notifications/reminders", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.PlanRemindersAsync)),
        new("PlanDigestNow", ["POST"], "notifications/digest", FunctionAccess.Function, typeof(NotificationsHandlers), nameof(NotificationsHandlers.PlanDigestAsync)),
        new("ShowPreferences", ["GET"], "preferences/{token}", FunctionAccess.Anonymous, typeof(PreferencesHandlers), nameof(PreferencesHandlers.ShowAsync)),
        new("SavePreferences", ["POST"], "preferences/{token}", FunctionAccess.Anonymous, typeof(PreferencesHandlers), nameof(PreferencesHandlers.SaveAsync)),
        new("Unsubscribe", ["POST"], "unsubscribe/{token}", FunctionAccess.Anonymous, typeof(PreferencesHandlers), nameof(PreferencesHandlers.UnsubscribeAsync)),
        new("UploadDocument", ["POST"], "documents", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.UploadAsync)),
        new("ListDocuments", ["GET"], "documents", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.ListAsync)),
        new("GetDocument", ["GET"], "documents/{id}", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.GetAsync)),
        new("DownloadDocument", ["GET"], "documents/{id}/content", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.DownloadAsync)),
        new("AddDocumentVersion", ["POST"], "documents/{id}/versions", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.AddVersionAsync)),
        new("DeleteDocument", ["DELETE"], "documents/{id}", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.DeleteAsync)),
        new("RestoreDocument", ["POST"], "documents/{id}/restore", FunctionAccess.Function, typeof(DocumentsHandlers), nameof(DocumentsHandlers.RestoreAsync)),
        new("CreateEvent", ["POST"], "events", FunctionAccess.Function, typeof(EventsHandlers), nameof(EventsHandlers.CreateAsync)),
        new("ListEvents", ["GET"], "events", FunctionAccess.Function, typeof(EventsHandlers), nameof(EventsHandlers.ListAsync)),
        new("GetEvent", ["GET"], "events/{id}", FunctionAccess.Function, typeof(EventsHandlers), nameof(EventsHandlers.GetAsync)),
        new("ListEventRegistrations", ["GET"], "events/{id}/registrations", FunctionAccess.Function, typeof(EventsHandlers), nameof(EventsHandlers.RegistrationsAsync)),
        new("ImportEventAttendance", ["POST"], "events/{id}/attendance", FunctionAccess.Function, typeof(EventsHandlers), nameof(EventsHandlers.ImportAttendanceAsync)),
        new("ReceiveHelloAssoNotification", ["POST"], "ticketing/helloasso", FunctionAccess.Anonymous, typeof(TicketingHandlers), nameof(TicketingHandlers.HelloAssoAsync)),
        new("ReceiveTicketingWebhook", ["POST"], "ticketing/webhook", FunctionAccess.Anonymous, typeof(TicketingHandlers), nameof(TicketingHandlers.WebhookAsync)),
        new("ListHeldRefunds", ["GET"], "ticketing/refunds", FunctionAccess.Function, typeof(HeldRefundsHandlers), nameof(HeldRefundsHandlers.ListAsync)),
        new("ApplyHeldRefund", ["POST"], "ticketing/refunds/{id}/apply", FunctionAccess.Function, typeof(HeldRefundsHandlers), nameof(HeldRefundsHandlers.ApplyAsync)),
        new("DismissHeldRefund", ["POST"], "ticketing/refunds/{id}/dismiss", FunctionAccess.Function, typeof(HeldRefundsHandlers), nameof(HeldRefundsHandlers.DismissAsync)),
        new("GetTicketingDelivery", ["GET"], "ticketing/deliveries/{id}", FunctionAccess.Function, typeof(TicketingDeliveriesHandlers), nameof(TicketingDeliveriesHandlers.GetAsync)),
        new("ListPoisonedMessages", ["GET"], "queues/poison", FunctionAccess.Function, typeof(PoisonQueueHandlers), nameof(PoisonQueueHandlers.ListAsync)),
        new("RetryPoisonedMessage", ["POST"], "queues/poison/{id}/retry", FunctionAccess.Function, typeof(PoisonQueueHandlers), nameof(PoisonQueueHandlers.RetryAsync)),
        new("ListMemberStructures", ["GET"], "members/structures", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.ListStructuresAsync)),
        new("CreateMemberStructure", ["POST"], "members/structures", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.CreateStructureAsync)),
        new("GetMemberStructure", ["GET"], "members/structures/{id}", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.GetStructureAsync)),
        new("UpdateMemberStructure", ["PUT"], "members/structures/{id}", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.UpdateStructureAsync)),
        new("RecordCotisation", ["POST"], "members/structures/{id}/cotisations", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.RecordCotisationAsync)),
        new("ListMemberPeople", ["GET"], "members/people", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.ListPeopleAsync)),
        new("CreateMemberPerson", ["POST"], "members/people", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.CreatePersonAsync)),
        new("GetMemberPerson", ["GET"], "members/people/{id}", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.GetPersonAsync)),
        new("UpdateMemberPerson", ["PUT"], "members/people/{id}", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.UpdatePersonAsync)),
        new("ExportPersonData", ["GET"], "members/people/{id}/export", FunctionAccess.Function, typeof(PersonalDataHandlers), nameof(PersonalDataHandlers.ExportPersonAsync)),
        new("ErasePerson", ["DELETE"], "members/people/{id}", FunctionAccess.Function, typeof(PersonalDataHandlers), nameof(PersonalDataHandlers.ErasePersonAsync)),
        new("RevokePersonLinks", ["POST"], "members/people/{id}/links/revoke", FunctionAccess.Function, typeof(LinkRevocationHandlers), nameof(LinkRevocationHandlers.RevokeAsync)),
        new("EraseByEmail", ["POST"], "members/erasures", FunctionAccess.Function, typeof(PersonalDataHandlers), nameof(PersonalDataHandlers.EraseByEmailAsync)),
        new("PurgeMemberDataNow", ["POST"], "members/purge", FunctionAccess.Function, typeof(PersonalDataHandlers), nameof(PersonalDataHandlers.PurgeAsync)),
        new("SendRenewalRemindersNow", ["POST"], "members/renewal-reminders", FunctionAccess.Function, typeof(RenewalRemindersHandlers), nameof(RenewalRemindersHandlers.RunAsync)),
        new("ImportMembers", ["POST"], "members/import", FunctionAccess.Function, typeof(MemberFilesHandlers), nameof(MemberFilesHandlers.ImportAsync)),
        new("ExportMembers", ["GET"], "members/export", FunctionAccess.Function, typeof(MemberFilesHandlers), nameof(MemberFilesHandlers.ExportAsync)),
        new("ListMemberAudit", ["GET"], "members/audit", FunctionAccess.Function, typeof(MembersHandlers), nameof(MembersHandlers.ListAuditAsync)),
        new("CompileAnnualReportNow", ["POST"], "reports/annual/{year}", FunctionAccess.Function, typeof(ReportsHandlers), nameof(ReportsHandlers.CompileAsync)),
        new("GetAnnualReport", ["GET"], "reports/annual/{year}", FunctionAccess.Function, typeof(ReportsHandlers), nameof(ReportsHandlers.GetAsync)),
        new("DownloadAnnualReport", ["GET"], "reports/annual/{year}/{format}", FunctionAccess.Function, typeof(ReportsHandlers), nameof(ReportsHandlers.DownloadAsync)),
        // Pages for people: Anonymous to the host, because the app itself signs people in (console: staff; espace: link
        // sessions) and each page handler refuses who is not. Routes "console/…" and "espace/…" (served at /api/…).
        new("WebStylesheet", ["GET"], "web/site.css", FunctionAccess.Anonymous, typeof(WebAssetsHandler), nameof(WebAssetsHandler.StylesheetAsync)),
        .. Console.ConsoleCatalog.Http,
        new("SpaceBoard", ["GET"], "espace", FunctionAccess.Anonymous, typeof(SpaceBoardHandlers), nameof(SpaceBoardHandlers.BoardAsync)),
        new("SpaceCall", ["GET"], "espace/appels/{id}", FunctionAccess.Anonymous, typeof(SpaceBoardHandlers), nameof(SpaceBoardHandlers.CallAsync)),
        new("SpaceCallCalendar", ["GET"], "espace/appels/{id}/agenda.ics", FunctionAccess.Anonymous, typeof(SpaceBoardHandlers), nameof(SpaceBoardHandlers.CallCalendarAsync)),
        new("SpaceLibrary", ["GET"], "espace/bibliotheque", FunctionAccess.Anonymous, typeof(SpaceLibraryHandlers), nameof(SpaceLibraryHandlers.LibraryAsync)),
        new("SpaceSheet", ["GET"], "espace/bibliotheque/{id}", FunctionAccess.Anonymous, typeof(SpaceLibraryHandlers), nameof(SpaceLibraryHandlers.SheetAsync)),
        new("SpaceSheetFile", ["GET"], "espace/bibliotheque/{id}/fichier", FunctionAccess.Anonymous, typeof(SpaceLibraryHandlers), nameof(SpaceLibraryHandlers.DownloadAsync)),
        new("SpaceAgenda", ["GET"], "espace/agenda", FunctionAccess.Anonymous, typeof(SpacePersonalHandlers), nameof(SpacePersonalHandlers.AgendaAsync)),
        new("SpaceAgendaIssue", ["POST"], "espace/agenda", FunctionAccess.Anonymous, typeof(SpacePersonalHandlers), nameof(SpacePersonalHandlers.IssueAsync)),
        new("SpaceAgendaRevoke", ["POST"], "espace/agenda/revoquer", FunctionAccess.Anonymous, typeof(SpacePersonalHandlers), nameof(SpacePersonalHandlers.RevokeAsync)),
        new("SpacePreferences", ["GET"], "espace/preferences", FunctionAccess.Anonymous, typeof(SpacePersonalHandlers), nameof(SpacePersonalHandlers.PreferencesAsync)),
        new("SpaceSignInForm", ["GET"], "espace/connexion", FunctionAccess.Anonymous, typeof(SpaceSignInHandlers), nameof(SpaceSignInHandlers.ShowAsync)),
        new("SpaceSignInRequest", ["POST"], "espace/connexion", FunctionAccess.Anonymous, typeof(SpaceSignInHandlers), nameof(SpaceSignInHandlers.RequestAsync)),
        new("SpaceSignInLink", ["GET"], "espace/entrer/{token}", FunctionAccess.Anonymous, typeof(SpaceSignInHandlers), nameof(SpaceSignInHandlers.ShowEnterAsync)),
        new("SpaceSignInEnter", ["POST"], "espace/entrer/{token}", FunctionAccess.Anonymous, typeof(SpaceSignInHandlers), nameof(SpaceSignInHandlers.EnterAsync)),
        new("SpaceSignOut", ["POST"], "espace/deconnexion", FunctionAccess.Anonymous, typeof(SpaceSignInHandlers), nameof(SpaceSignInHandlers.SignOutAsync)),
        new("SpaceCalendarFeed", ["GET"], "espace/agenda/{token}", FunctionAccess.Anonymous, typeof(CalendarFeedHandlers), nameof(CalendarFeedHandlers.FeedAsync)),
    ];

    public static IReadOnlyList<TimerFunction> Timers { get; } =
    [
        new("DispatchNotifications", "Schedules:DispatchNotifications", typeof(DispatchNotificationsJob)),
        new("SendReminders", "Schedules:SendReminders", typeof(SendRemindersJob)),
        new("SendDigest", "Schedules:SendDigest", typeof(SendDigestJob)),
        new("SendCallChangeAlerts", "Schedules:SendCallChangeAlerts", typeof(SendCallChangeAlertsJob)),
        new("PurgeDeletedDocuments", "Schedules:PurgeDeletedDocuments", typeof(PurgeDeletedDocumentsJob)),
        new("IngestCalls", "Schedules:IngestCalls", typeof(IngestCallsJob)),
        new("SweepTicketingInbox", "Schedules:SweepTicketingInbox", typeof(SweepTicketingInboxJob)),
        new("ReconcileTicketing", "Schedules:ReconcileTicketing", typeof(ReconcileTicketingJob)),
        new("PurgeMemberData", "Schedules:PurgeMemberData", typeof(PurgeMemberDataJob)),
        new("PurgeExpiredData", "Schedules:PurgeExpiredData", typeof(PurgeExpiredDataJob)),
        new("SendRenewalReminders", "Schedules:SendRenewalReminders", typeof(SendRenewalRemindersJob)),
        new("CompileAnnualReport", "Schedules:CompileAnnualReport", typeof(CompileAnnualReportJob)),
        new("CloseOutboxMonths", "Schedules:CloseOutboxMonths", typeof(CloseOutboxMonthsJob)),
    ];

    /// <summary>Work acknowledged by a request and done from a queue (retries, then the queue's "-poison" twin).</summary>
    public static IReadOnlyList<QueueFunction> Queues { get; } =
    [
        new("ProcessTicketingDelivery", QueuedTicketingDeliveries.QueueSetting, WorkQueues.Connection, typeof(TicketingDeliveryHandler)),
        new("CompileQueuedAnnualReport", QueuedReportCompiles.QueueSetting, WorkQueues.Connection, typeof(ReportCompileHandler)),
    ];
}
