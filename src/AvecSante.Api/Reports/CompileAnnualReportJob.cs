using AvecSante.Api.Jobs;
using AvecSante.Core.Common;
using AvecSante.Core.Reports;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Reports;

/// <summary>
/// Timer CompileAnnualReport (UTC schedule): from 15 January 06:00 Paris to the end of January it asks, once, for the
/// report of the year before, through the work queue as an on-demand compile does (a recycle during the compile loses
/// nothing). A claim row per year (AddEntity, 409 = asked already) makes a second, late or concurrent run do nothing,
/// unless the year's last compile failed: then the next occurrence asks again. POST reports/annual/{year} forces.
/// </summary>
public sealed partial class CompileAnnualReportJob(AnnualReportRequests requests, IAnnualReportArchive archive, TimeProvider clock, ILogger<CompileAnnualReportJob> logger) : IScheduledJob
{
    /// <summary>The year due at <paramref name="now"/>, or null outside the window (15 January 06:00 to 31 January, Paris).</summary>
    public static int? DueYear(DateTimeOffset now)
    {
        var paris = ParisTime.ToParis(now);
        return paris.Month == 1 && (paris.Day > 15 || (paris.Day == 15 && paris.Hour >= 6)) ? paris.Year - 1 : null;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (DueYear(now) is not { } year)
        {
            return;
        }
        if (!await archive.TryClaimScheduledAsync(year, now, cancellationToken).ConfigureAwait(false)
            && (await archive.GetAsync(year, cancellationToken).ConfigureAwait(false))?.Status != ReportRunStatus.Failed)
        {
            return;
        }
        try
        {
            var outcome = await requests.RequestAsync(year, "scheduled", notifyBoard: true, cancellationToken).ConfigureAwait(false);
            LogScheduled(year, outcome.Record.Status, outcome.Queued);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not queued: the claim goes back so the next occurrence asks again.
            await archive.ReleaseScheduledClaimAsync(year, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled annual report {Year}: {Status} (queued by this run: {Queued})")]
    private partial void LogScheduled(int year, ReportRunStatus status, bool queued);
}
