using AvecSante.Api.Jobs;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Members;

/// <summary>
/// Timer PurgeExpiredData (daily): every store of data kept only while it serves (outbox bodies, raw ticketing
/// payloads, the calls mailbox archive) removes what is past its Retention:… period. One failing store does not stop
/// the others; running it twice removes nothing more.
/// </summary>
public sealed partial class PurgeExpiredDataJob(IEnumerable<IExpiringData> stores, ILogger<PurgeExpiredDataJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores)
        {
            try
            {
                var purged = await store.PurgeAsync(cancellationToken).ConfigureAwait(false);
                LogPurged(store.Section, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, store.Section);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge of {Section}: {Purged} item(s) removed")]
    private partial void LogPurged(string section, int purged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge of {Section} failed; the next run tries again")]
    private partial void LogFailed(Exception exception, string section);
}
