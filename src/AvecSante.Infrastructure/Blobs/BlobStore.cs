using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using AvecSante.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Blobs;

/// <summary>Hands out blob containers by logical name (lowercased, with the storage prefix), creating each once per process.</summary>
public sealed class BlobStore(BlobServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public BlobServiceClient Service => service;

    public async Task<BlobContainerClient> GetContainerAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _containers.GetOrAdd(logicalName, name => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = service.GetBlobContainerClient((options.Value.TablePrefix + name).ToLowerInvariant());
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Storage was unreachable: forget the failure so the next call tries again.
            _containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(logicalName, lazy));
            throw;
        }
    }
}
