using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AvecSante.Infrastructure.Storage;

/// <summary>Deletes the blobs of a container (under a prefix) last written before a date, except those to keep.</summary>
public static class BlobRetention
{
    public static async Task<int> DeleteOlderThanAsync(BlobContainerClient container, string? prefix, DateTimeOffset before, Func<string, bool> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(keep);
        var deleted = 0;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (item.Properties.LastModified is { } written && written < before && !keep(item.Name)
                && await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }
        return deleted;
    }
}
