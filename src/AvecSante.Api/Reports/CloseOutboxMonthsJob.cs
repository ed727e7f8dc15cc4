using AvecSante.Api.Jobs;
using AvecSante.Core.Reports;

namespace AvecSante.Api.Reports;

/// <summary>
/// Timer CloseOutboxMonths (daily): keeps the send totals of each month the dispatcher has left behind, so the yearly
/// report reads one row per closed month instead of its messages (ADR 0011). Idempotent: a kept month is not read again.
/// </summary>
public sealed class CloseOutboxMonthsJob(ISendLog sends) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => sends.CloseMonthsAsync(cancellationToken);
}
