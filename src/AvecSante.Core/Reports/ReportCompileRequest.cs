namespace AvecSante.Core.Reports;

/// <summary>
/// A compilation asked for by a request and done from the work queue: the year, the request's id (the year's record
/// carries it, so a message of a superseded request does nothing), who asked, and whether the board is mailed.
/// </summary>
public sealed record ReportCompileRequest(int Year, string RequestId, string Trigger, bool NotifyBoard, DateTimeOffset RequestedAt);

/// <summary>Where requested compilations wait for the queue function that compiles them.</summary>
public interface IQueuedReportCompiles
{
    Task EnqueueAsync(ReportCompileRequest request, CancellationToken cancellationToken);
}
