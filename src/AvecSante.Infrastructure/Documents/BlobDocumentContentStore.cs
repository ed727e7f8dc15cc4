using AvecSante.Core.Documents;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Documents;

/// <summary>
/// Files in the "documents" container, named "{federation}/{document id}/{sha256}": a version's name is its content,
/// so two writers of one version write the same bytes and no version ever overwrites another.
/// </summary>
public sealed class BlobDocumentContentStore(BlobStore blobs, IOptions<FederationOptions> federation) : IDocumentContentStore
{
    public const string ContainerName = "documents";

    public async Task<string> SaveAsync(string documentId, string sha256, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var name = $"{Prefix(documentId)}{sha256}";
        content.Position = 0;
        await container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = sha256 },
        }, cancellationToken).ConfigureAwait(false);
        content.Position = 0;
        return name;
    }

    public async Task<Stream?> OpenAsync(string contentName, CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        try
        {
            return await container.GetBlobClient(contentName).OpenReadAsync(new Azure.Storage.Blobs.Models.BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAllAsync(string documentId, CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(documentId) }, cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private string Prefix(string documentId) => $"{federation.Value.Id}/{documentId}/";
}
