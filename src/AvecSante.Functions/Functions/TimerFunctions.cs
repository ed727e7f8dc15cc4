using AvecSante.Api.Alerts;
using AvecSante.Api.Documents;
using AvecSante.Api.Jobs;
using AvecSante.Api.Members;
using AvecSante.Api.Reports;
using AvecSante.Api.Ticketing;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>
/// Binds FunctionCatalog's timers to their NCRONTAB app settings and runs the jobs. TimerInfo is not passed on: a job
/// decides itself what is due (schedules are UTC; Paris rules live in the jobs), so a late or missed occurrence changes nothing.
/// </summary>
public sealed class TimerFunctions(DispatchNotificationsJob dispatchNotifications, PurgeDeletedDocumentsJob purgeDeletedDocuments, SweepTicketingInboxJob sweepTicketingInbox, PurgeMemberDataJob purgeMemberData, PurgeExpiredDataJob purgeExpiredData, SendRenewalRemindersJob sendRenewalReminders, ReconcileTicketingJob reconcileTicketing, SendRemindersJob sendReminders, SendDigestJob sendDigest, SendCallChangeAlertsJob sendCallChangeAlerts, CompileAnnualReportJob compileAnnualReport, CloseOutboxMonthsJob closeOutboxMonths)
{
    [Function("DispatchNotifications")]
    public Task DispatchNotifications([TimerTrigger("%Schedules:DispatchNotifications%")] TimerInfo timer, CancellationToken cancellationToken) => dispatchNotifications.RunAsync(cancellationToken);

    [Function("PurgeDeletedDocuments")]
    public Task PurgeDeletedDocuments([TimerTrigger("%Schedules:PurgeDeletedDocuments%")] TimerInfo timer, CancellationToken cancellationToken) => purgeDeletedDocuments.RunAsync(cancellationToken);

    [Function("SweepTicketingInbox")]
    public Task SweepTicketingInbox([TimerTrigger("%Schedules:SweepTicketingInbox%")] TimerInfo timer, CancellationToken cancellationToken) => sweepTicketingInbox.RunAsync(cancellationToken);

    [Function("PurgeMemberData")]
    public Task PurgeMemberData([TimerTrigger("%Schedules:PurgeMemberData%")] TimerInfo timer, CancellationToken cancellationToken) => purgeMemberData.RunAsync(cancellationToken);

    [Function("PurgeExpiredData")]
    public Task PurgeExpiredData([TimerTrigger("%Schedules:PurgeExpiredData%")] TimerInfo timer, CancellationToken cancellationToken) => purgeExpiredData.RunAsync(cancellationToken);

    [Function("SendRenewalReminders")]
    public Task SendRenewalReminders([TimerTrigger("%Schedules:SendRenewalReminders%")] TimerInfo timer, CancellationToken cancellationToken) => sendRenewalReminders.RunAsync(cancellationToken);

    [Function("ReconcileTicketing")]
    public Task ReconcileTicketing([TimerTrigger("%Schedules:ReconcileTicketing%")] TimerInfo timer, CancellationToken cancellationToken) => reconcileTicketing.RunAsync(cancellationToken);

    [Function("SendReminders")]
    public Task SendReminders([TimerTrigger("%Schedules:SendReminders%")] TimerInfo timer, CancellationToken cancellationToken) => sendReminders.RunAsync(cancellationToken);

    [Function("SendDigest")]
    public Task SendDigest([TimerTrigger("%Schedules:SendDigest%")] TimerInfo timer, CancellationToken cancellationToken) => sendDigest.RunAsync(cancellationToken);

    [Function("SendCallChangeAlerts")]
    public Task SendCallChangeAlerts([TimerTrigger("%Schedules:SendCallChangeAlerts%")] TimerInfo timer, CancellationToken cancellationToken) => sendCallChangeAlerts.RunAsync(cancellationToken);

    [Function("CompileAnnualReport")]
    public Task CompileAnnualReport([TimerTrigger("%Schedules:CompileAnnualReport%")] TimerInfo timer, CancellationToken cancellationToken) => compileAnnualReport.RunAsync(cancellationToken);

    [Function("CloseOutboxMonths")]
    public Task CloseOutboxMonths([TimerTrigger("%Schedules:CloseOutboxMonths%")] TimerInfo timer, CancellationToken cancellationToken) => closeOutboxMonths.RunAsync(cancellationToken);
}
