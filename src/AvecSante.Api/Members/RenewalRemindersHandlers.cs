using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Members;

/// <summary>POST /api/members/renewal-reminders?dryRun=true|false: the structures reminded now (by default only the list).</summary>
public sealed class RenewalRemindersHandlers(RenewalReminderPlanner planner)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryFlag(request.Query, "dryRun", absent: true, out var dryRun))
        {
            return Problems.BadQuery("dryRun", "true ou false.");
        }
        var report = await planner.RunAsync(force: true, dryRun, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(report);
    }
}
