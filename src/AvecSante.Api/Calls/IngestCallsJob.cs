using AvecSante.Api.Jobs;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;

namespace AvecSante.Api.Calls;

/// <summary>
/// Timer IngestCalls. Its schedule fires hourly in UTC; the job itself acts every two hours from 06:00 to 20:00 Paris
/// time on working days (Monday to Friday, French public holidays excepted), so summer time needs no second schedule.
/// </summary>
public sealed class IngestCallsJob(CallIngestionService ingestion, TimeProvider clock) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (IsDue(ParisTime.ToParis(clock.GetUtcNow())))
        {
            await ingestion.IngestAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsDue(DateTimeOffset paris) =>
        paris.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !FrenchHolidays.IsHoliday(DateOnly.FromDateTime(paris.DateTime))
        && paris.Hour is >= 6 and <= 20
        && paris.Hour % 2 == 0;
}
