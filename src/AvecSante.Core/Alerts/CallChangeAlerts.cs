using System.Globalization;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Alerts;

/// <summary>
/// Reads the "call changed" log from where it stopped last time and plans the alerts of each change. The cursor trails
/// a little behind the last event read, since an ingestion run still in progress may write an event stamped slightly
/// earlier; reading an event twice plans nothing twice (outbox keys).
/// </summary>
public sealed partial class CallChangeAlerts(
    ICallEventLog events,
    ICallRepository calls,
    CallAlertPlanner planner,
    IAlertStateStore state,
    TimeProvider clock,
    ILogger<CallChangeAlerts> logger)
{
    public const string CursorKey = "call-events~cursor";
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(1);

    public async Task<ScheduledRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cursor = await state.GetAsync(CursorKey, cancellationToken).ConfigureAwait(false) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : now - FirstLookBack;
        var planned = 0;
        var read = 0;
        foreach (var change in await events.ListSinceAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            read++;
            if (await calls.GetAsync(change.CallId, cancellationToken).ConfigureAwait(false) is { } call)
            {
                planned += await planner.PlanCallChangedAsync(change, call, cancellationToken).ConfigureAwait(false);
            }
        }
        var next = now - Overlap;
        if (next > cursor)
        {
            await state.SetAsync(CursorKey, next.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        if (read > 0)
        {
            LogRead(read, planned);
        }
        return new ScheduledRun(read > 0, planned);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call changes: {Read} event(s) read, {Planned} email(s) newly planned")]
    private partial void LogRead(int read, int planned);
}
