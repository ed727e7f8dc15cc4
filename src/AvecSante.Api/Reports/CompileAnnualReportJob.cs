using AvecSante.Api.Jobs;
using AvecSante.Core.Common;
using AvecSante.Core.Reports;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Reports;

/// <summary>
/// Timer CompileAnnualReport (UTC schedule): from 15 January 06:00 Paris to the end of January it compiles the report of
/// the year before, once: a claim row per year (AddEntity, 409 = done) makes a second, late or concurrent run do nothing.
/// A failed compilation gives the claim back so the next occurrence tries again. POST reports/annual/{year} forces.
/// </summary>
public sealed partial class CompileAnnualReportJob(AnnualReportService reports, IAnnualReportArchive archive, TimeProvider clock, ILogger<CompileAnnualReportJob> logger) : IScheduledJob
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
        if (!await archive.TryClaimScheduledAsync(year, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var start = await reports.StartAsync(year, "scheduled", notifyBoard: true, cancellationToken).ConfigureAwait(false);
        var record = start.Compilation is { } compilation ? await compilation.ConfigureAwait(false) : start.Record;
        if (record.Status == ReportRunStatus.Failed)
        {
            await archive.ReleaseScheduledClaimAsync(year, cancellationToken).ConfigureAwait(false);
        }
        LogScheduled(year, record.Status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled annual report {Year}: {Status}")]
    private partial void LogScheduled(int year, ReportRunStatus status);
}
