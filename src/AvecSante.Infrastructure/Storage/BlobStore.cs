using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Storage;

/// <summary>Hands out blob containers by logical name (lowercased, with the storage prefix), creating each once per process.</summary>
public sealed class BlobStore(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly CreatedOnce<BlobContainerClient> _containers = new(async name =>
    {
        var client = service.GetBlobContainerClient((options.Value.TablePrefix + name).ToLowerInvariant());
        await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return client;
    });

    public BlobServiceClient Service => service;

    public Task<BlobContainerClient> GetContainerAsync(string logicalName, CancellationToken cancellationToken) =>
        _containers.GetAsync(logicalName, cancellationToken);
}
