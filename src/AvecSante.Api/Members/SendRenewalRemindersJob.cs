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

/// <summary>POST /api/members/renewal-reminders?dryRun=true|false: the structures reminded now (by default only the list).</summary>
public sealed class RenewalRemindersHandlers(RenewalReminderPlanner planner)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dryRun = true;
        if (MembersHandlers.Clean(request.Query["dryRun"]) is { } d && !bool.TryParse(d, out dryRun))
        {
            return Problems.BadQuery("dryRun", "true ou false.");
        }
        var report = await planner.RunAsync(force: true, dryRun, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(report);
    }
}
