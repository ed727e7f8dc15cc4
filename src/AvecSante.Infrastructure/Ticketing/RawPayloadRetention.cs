using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Raw ticketing payloads and attendance sheets older than Retention:RawPayloadDays are deleted once they have served:
/// a delivery still pending (the sweeper needs it) or a refund held for staff keeps its payload. The inbox record
/// stays (id, SHA-256, status, outcome), so what was received and done remains known.
/// </summary>
public sealed class RawPayloadRetention(BlobStore blobs, ITicketingInbox inbox, IOptions<RetentionOptions> options, TimeProvider clock) : IExpiringData
{
    public string Section => "rawPayloads";

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - RetentionOptions.Days(options.Value.RawPayloadDays);
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var status in new[] { InboxStatus.Pending, InboxStatus.Held })
        {
            inUse.UnionWith((await inbox.ListByStatusAsync(status, cancellationToken).ConfigureAwait(false)).Select(r => r.BlobName));
        }
        var container = await blobs.GetContainerAsync(BlobRawPayloadArchive.ContainerName, cancellationToken).ConfigureAwait(false);
        return await BlobRetention.DeleteOlderThanAsync(container, null, before, inUse.Contains, cancellationToken).ConfigureAwait(false);
    }
}
