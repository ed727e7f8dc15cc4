using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// Mails of the calls mailbox are archived (body, attachments) before they are read; the call they became is stored on
/// its own, so the archive has served after Retention:MailboxArchiveDays and is deleted (senders' names and addresses
/// go with it).
/// </summary>
public sealed class MailboxArchiveRetention(BlobStore blobs, IOptions<RetentionOptions> options, TimeProvider clock) : IExpiringData
{
    public string Section => "mailboxArchive";

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - RetentionOptions.Days(options.Value.MailboxArchiveDays);
        var container = await blobs.GetContainerAsync(MailboxCallSource.ArchiveContainer, cancellationToken).ConfigureAwait(false);
        return await BlobRetention.DeleteOlderThanAsync(container, null, before, _ => false, cancellationToken).ConfigureAwait(false);
    }
}
