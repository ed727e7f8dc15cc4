using System.Globalization;
using System.Text;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Storage;
using Azure.Storage.Blobs;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// A folder of the federation's shared mailbox where staff (or a transport rule) put the calls that arrive by mail,
/// typically from the CPAM. New messages are read by delta query (the delta link is the cursor); each message's raw
/// body and attachments are archived in Blob storage before anything else; its body plus the text of its PDF
/// attachments becomes a candidate; then the message is moved to the "traité" folder.
/// </summary>
public sealed class MailboxCallSource(string name, CallSourceOptions options, TenantGraph graph, BlobStore blobs) : ICallSource
{
    public const string ArchiveContainer = "mailbox";

    public string Name => name;

    public string Kind => nameof(CallSourceKind.Mailbox);

    public async Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var mailbox = options.Mailbox ?? throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:Mailbox' is missing.");
        var client = graph.Client;
        var folderId = await FolderIdAsync(client, mailbox, options.Folder, create: false, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The folder '{options.Folder}' does not exist in the mailbox's inbox.");
        var processedId = await FolderIdAsync(client, mailbox, options.ProcessedFolder, create: true, cancellationToken).ConfigureAwait(false);

        var (messages, deltaLink) = await NewMessagesAsync(client, mailbox, folderId, cursor, cancellationToken).ConfigureAwait(false);

        var candidates = new List<CallCandidate>();
        var container = await blobs.GetContainerAsync(ArchiveContainer, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages.Where(m => m.Id is not null && m.Body is not null))
        {
            var day = (message.ReceivedDateTime ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
            var prefix = $"{name}/{day}/{Hash(message.Id!)}";
            var text = new StringBuilder(message.Body!.Content ?? string.Empty);
            await container.GetBlobClient(prefix + "/body.html").UploadAsync(BinaryData.FromString(message.Body.Content ?? string.Empty), overwrite: true, cancellationToken).ConfigureAwait(false);

            if (message.HasAttachments == true)
            {
                await ArchiveAttachmentsAsync(client.Users[mailbox].Messages[message.Id], container, prefix, text, cancellationToken).ConfigureAwait(false);
            }

            candidates.Add(new CallCandidate
            {
                Source = name,
                Text = $"<h1>{System.Net.WebUtility.HtmlEncode(message.Subject ?? string.Empty)}</h1>\n{text}",
                Title = message.Subject,
                Sender = message.From?.EmailAddress?.Address,
                PublishedOn = message.ReceivedDateTime is { } received ? DateOnly.FromDateTime(received.UtcDateTime) : null,
                FunderHint = options.Funder,
                Trust = options.Trust ?? Core.Calls.SourceTrustLevel.FunderSite,
            });

            if (processedId is not null)
            {
                await client.Users[mailbox].Messages[message.Id].Move.PostAsync(
                    new Microsoft.Graph.Users.Item.Messages.Item.Move.MovePostRequestBody { DestinationId = processedId },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        return new SourceBatch(candidates, deltaLink ?? cursor);
    }

    /// <summary>The messages new since the cursor (all of them without one), page after page, and the next delta link.</summary>
    private static async Task<(List<Message> Messages, string? DeltaLink)> NewMessagesAsync(GraphServiceClient client, string mailbox, string folderId, string? cursor, CancellationToken cancellationToken)
    {
        var messages = new List<Message>();
        var delta = client.Users[mailbox].MailFolders[folderId].Messages.Delta;
        var page = string.IsNullOrEmpty(cursor)
            ? await delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = ["id", "subject", "from", "receivedDateTime", "body", "hasAttachments"], cancellationToken).ConfigureAwait(false)
            : await delta.WithUrl(cursor).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        string? deltaLink = null;
        while (page is not null)
        {
            messages.AddRange(page.Value ?? []);
            if (page.OdataNextLink is { } next)
            {
                page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                deltaLink = page.OdataDeltaLink;
                page = null;
            }
        }
        return (messages, deltaLink);
    }

    /// <summary>Archives each file attached to the message under its prefix, and appends the text of its PDFs.</summary>
    private static async Task ArchiveAttachmentsAsync(MessageItemRequestBuilder message, BlobContainerClient container, string prefix, StringBuilder text, CancellationToken cancellationToken)
    {
        var attachments = await message.Attachments.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var file in attachments?.Value?.OfType<FileAttachment>() ?? [])
        {
            if (file.ContentBytes is not { } bytes)
            {
                continue;
            }
            var safeName = SafeName(file.Name);
            await container.GetBlobClient($"{prefix}/{AttachmentBlobName(bytes, safeName)}").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken).ConfigureAwait(false);
            if (IsPdf(file, bytes) && PdfText.Extract(bytes) is { } pdf)
            {
                // The layout the normaliser knows for attached documents of a call.
                text.Append(CultureInfo.InvariantCulture, $"\n--- CONTENU PDF ({safeName}) ---\n{pdf}\n");
            }
        }
    }

    /// <summary>The id of a child folder of the inbox, by display name; created when asked and missing.</summary>
    private static async Task<string?> FolderIdAsync(GraphServiceClient client, string mailbox, string displayName, bool create, CancellationToken cancellationToken)
    {
        var inbox = client.Users[mailbox].MailFolders["inbox"].ChildFolders;
        var found = await inbox.GetAsync(r => r.QueryParameters.Filter = $"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken).ConfigureAwait(false);
        if (found?.Value?.FirstOrDefault()?.Id is { } id)
        {
            return id;
        }
        if (!create)
        {
            return null;
        }
        var created = await inbox.PostAsync(new MailFolder { DisplayName = displayName }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id;
    }

    private static bool IsPdf(FileAttachment file, byte[] bytes) =>
        string.Equals(file.ContentType, "application/pdf", StringComparison.OrdinalIgnoreCase)
        || (bytes.Length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F');

    private static string Hash(string id) => StableKeys.Digest(id, 24);

    /// <summary>
    /// The archived attachment's blob name: the SHA-256 of its bytes and a plain extension. The sender's file name
    /// (« .. », slashes, control characters) never becomes a path, so nothing leaves the message's folder.
    /// </summary>
    internal static string AttachmentBlobName(byte[] bytes, string fileName)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return extension.Length is > 0 and <= 8 && extension.All(char.IsAsciiLetterOrDigit) ? $"{digest}.{extension}" : digest;
    }

    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "piece-jointe");
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return safe.Length == 0 ? "piece-jointe" : safe;
    }
}
