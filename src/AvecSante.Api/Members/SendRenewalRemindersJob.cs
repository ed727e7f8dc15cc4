using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Members;

/// <summary>
/// Timer SendRenewalReminders (hourly, UTC): on working days from 08:00 Paris, plans the renewal reminders of unpaid
/// members in the outbox — in January, then the second reminder in grace. Running it twice plans nothing more.
/// </summary>
public sealed class SendRenewalRemindersJob(RenewalReminderPlanner planner) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => planner.RunAsync(force: false, dryRun: false, cancellationToken);
}
