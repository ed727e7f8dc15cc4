using AvecSante.Api.Jobs;
using AvecSante.Core.Documents;

namespace AvecSante.Api.Documents;

/// <summary>Timer PurgeDeletedDocuments (daily): erases documents that stayed in the bin beyond the restore period.</summary>
public sealed class PurgeDeletedDocumentsJob(DocumentLibrary library) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => library.PurgeExpiredAsync(cancellationToken);
}
