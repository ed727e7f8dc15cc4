using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Reports;

/// <summary>What asking for a compilation gave: the year's record, and whether this request queued it (false: the
/// compilation already queued or running is followed, not doubled).</summary>
public sealed record ReportRequestOutcome(AnnualReportRecord Record, bool Queued);

/// <summary>
/// The on-demand compilation through the work queue. A request takes the year (record Queued with a new request id)
/// and enqueues a message; the queue function compiles it with AnnualReportService's one compilation. A recycled
/// instance loses nothing: the message comes back and the next attempt compiles again. A failed attempt puts the year
/// back to Queued until the host's last dequeue, after which the year says Failed while the message waits in the
/// poison queue (a retry from there compiles again).
/// </summary>
public sealed partial class AnnualReportRequests(
    AnnualReportService reports,
    IAnnualReportArchive archive,
    IQueuedReportCompiles queue,
    TimeProvider clock,
    ILogger<AnnualReportRequests> logger)
{
    public async Task<ReportRequestOutcome> RequestAsync(int year, string trigger, bool notifyBoard, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var (record, claimed) = await reports.ClaimAsync(year, ReportRunStatus.Queued, trigger, requestId, cancellationToken).ConfigureAwait(false);
        if (!claimed)
        {
            return new ReportRequestOutcome(record, false);
        }
        try
        {
            await queue.EnqueueAsync(new ReportCompileRequest(year, requestId, trigger, notifyBoard, record.StartedAt), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not queued: the record says so now rather than "queued" until it is stale.
            var failed = record with { Status = ReportRunStatus.Failed, CompletedAt = clock.GetUtcNow(), Error = "La demande n'a pas pu être mise en file d'attente : recommencez." };
            await archive.TrySaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return new ReportRequestOutcome(record, true);
    }

    /// <summary>
    /// The queue function's work for one message. <paramref name="attempt"/> is the message's dequeue count and
    /// <paramref name="lastAttempt"/> says the host will poison it if this attempt fails. Throws on failure, so the
    /// queue retries; a message whose request was superseded, or already compiled, does nothing.
    /// </summary>
    public async Task CompileAsync(ReportCompileRequest request, long attempt, bool lastAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await archive.GetAsync(request.Year, cancellationToken).ConfigureAwait(false);
        if (record is null || record.RequestId != request.RequestId || record.Status == ReportRunStatus.Completed)
        {
            LogNothingToDo(request.Year, request.RequestId, record?.Status);
            return;
        }
        // Queued, Running (an earlier attempt died mid-way) or Failed (retried from the poison queue): compile.
        var running = await archive.TrySaveAsync(record with { Status = ReportRunStatus.Running, CompletedAt = null, Error = null }, cancellationToken).ConfigureAwait(false);
        if (running is null)
        {
            LogNothingToDo(request.Year, request.RequestId, record.Status); // written meanwhile: a newer request owns the year
            return;
        }
        try
        {
            await reports.CompileOnceAsync(running, request.NotifyBoard, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var after = lastAttempt
                ? running with { Status = ReportRunStatus.Failed, CompletedAt = clock.GetUtcNow(), Error = $"{AnnualReportService.FailureText(ex)} ({attempt} tentatives)" }
                : running with { Status = ReportRunStatus.Queued, Error = $"La tentative {attempt} a échoué ({ex.GetType().Name}) : nouvelle tentative dans un instant." };
            await archive.TrySaveAsync(after, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued annual report {Year} (request {RequestId}): nothing to do, the year's record is {Status}")]
    private partial void LogNothingToDo(int year, string requestId, ReportRunStatus? status);
}
