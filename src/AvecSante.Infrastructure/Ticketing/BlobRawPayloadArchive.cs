using System.Security.Cryptography;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Raw ticketing payloads in Blob: "{federation}/{source}/{sha256}.json". Named by content, so a duplicate delivery
/// lands on the same blob and archiving twice is harmless.
/// </summary>
public sealed class BlobRawPayloadArchive(BlobStore blobs, IOptions<FederationOptions> federation) : IRawPayloadArchive
{
    public const string ContainerName = "ticketing-raw";

    public async Task<(string BlobName, string Sha256)> ArchiveAsync(string source, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (name, sha256, _) = await ArchiveOnceAsync(source, body, cancellationToken).ConfigureAwait(false);
        return (name, sha256);
    }

    public Task<(string BlobName, string Sha256, bool IsNew)> ArchiveOnceAsync(string source, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        StoreAsync(source, "json", "application/json", body, cancellationToken);

    public async Task<(string BlobName, string Sha256)> ArchiveFileAsync(string folder, string extension, string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (name, sha256, _) = await StoreAsync(folder, extension, contentType, body, cancellationToken).ConfigureAwait(false);
        return (name, sha256);
    }

    private async Task<(string BlobName, string Sha256, bool IsNew)> StoreAsync(string folder, string extension, string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(body.Span));
        var name = $"{federation.Value.Id}/{folder}/{sha256}.{extension}";
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(body), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha256, ["source"] = folder.Split('/')[0] },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Same name = same bytes: archived by an earlier delivery.
            return (name, sha256, false);
        }
        return (name, sha256, true);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{federation.Value.Id}/{folder}/", cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }
        return names;
    }

    public async Task<bool> RedactAsync(string blobName, Func<byte[], byte[]?> redact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redact);
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(blobName);
        for (var attempt = 0; ; attempt++)
        {
            BlobDownloadResult current;
            try
            {
                current = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
            if (redact(current.Content.ToArray()) is not { } redacted)
            {
                return false;
            }
            // The metadata "sha256" stays the original's (as in the inbox record): the proof of what was received.
            var metadata = new Dictionary<string, string>(current.Details.Metadata, StringComparer.OrdinalIgnoreCase) { ["redacted"] = "true" };
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(redacted), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = current.Details.ContentType ?? "application/json" },
                    Metadata = metadata,
                    Conditions = new BlobRequestConditions { IfMatch = current.Details.ETag },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Changed since it was read: read again.
            }
        }
    }

    public async Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
