using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Documents;

/// <summary>
/// The capitalisation library's use cases: upload (checked by content, hashed, duplicates refused), new versions, soft
/// deletion and restore within the period, purge after it. Storage is behind <see cref="IDocumentRepository"/> and
/// <see cref="IDocumentContentStore"/>.
/// </summary>
public sealed partial class DocumentLibrary(
    IDocumentRepository documents,
    IDocumentContentStore contents,
    DocumentRules rules,
    TimeProvider clock,
    ILogger<DocumentLibrary> logger)
{
    private const int UpdateAttempts = 3;

    /// <summary>What a person reads when the document's state forbids the operation now.</summary>
    private const string Impossible = "Opération impossible pour l'instant.";

    public DocumentRules Rules => rules;

    public async Task<Outcome<LibraryDocument>> UploadAsync(DocumentMetadata metadata, IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(file);
        if (CheckFile(file) is { } refused)
        {
            return refused;
        }
        var type = ContentSniffer.Sniff(file.Content);
        if (type is null)
        {
            return Unsupported();
        }
        var now = clock.GetUtcNow();
        var validated = DocumentMetadataValidator.Validate(metadata, now);
        if (validated.Value is not { } description)
        {
            return new Outcome<LibraryDocument>(OutcomeKind.Invalid, Errors: validated.Errors);
        }

        var sha256 = LibraryDocument.Sha256Of(file.Content);
        var id = LibraryDocument.IdFor(sha256);
        if (await ClaimAsync(sha256, id, cancellationToken).ConfigureAwait(false) is { } duplicate)
        {
            return duplicate;
        }

        var contentName = await contents.SaveAsync(id, sha256, file.Content, type.MediaType, cancellationToken).ConfigureAwait(false);
        var document = new LibraryDocument
        {
            Id = id,
            Description = description,
            Versions = [NewVersion(1, sha256, file, type, description.Title, contentName, now)],
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await documents.TryAddAsync(document, cancellationToken).ConfigureAwait(false))
        {
            // These bytes were stored before as this very id (ids come from the first file's hash).
            var existing = await documents.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return existing is null ? DuplicateOf(id, "Ce fichier vient d'être déposé par un autre envoi.") : DuplicateOf(existing);
        }
        LogUploaded(id, type.Extension, file.Length);
        return new Outcome<LibraryDocument>(OutcomeKind.Created, document);
    }

    public async Task<Outcome<LibraryDocument>> AddVersionAsync(string id, IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (CheckFile(file) is { } refused)
        {
            return refused;
        }
        var type = ContentSniffer.Sniff(file.Content);
        if (type is null)
        {
            return Unsupported();
        }
        var sha256 = LibraryDocument.Sha256Of(file.Content);
        return await UpdateAsync(id, async (document, now) =>
        {
            if (document.IsDeleted)
            {
                return Answer(new Outcome<LibraryDocument>(OutcomeKind.Conflict, document, Reason: Impossible,
                    Detail: "Le document est dans la corbeille : restaurez-le avant d'en déposer une nouvelle version."));
            }
            if (document.Current.Sha256 == sha256)
            {
                return Answer(DuplicateOf(id, "Ce fichier est identique à la version actuelle du document."));
            }
            // An earlier version of this same document may come back (going back to it is a new version).
            if (await ClaimAsync(sha256, id, cancellationToken).ConfigureAwait(false) is { } duplicate)
            {
                return Answer(duplicate);
            }
            var contentName = await contents.SaveAsync(id, sha256, file.Content, type.MediaType, cancellationToken).ConfigureAwait(false);
            var version = NewVersion(document.Versions.Count + 1, sha256, file, type, document.Description.Title, contentName, now);
            return Write(document with { Versions = [.. document.Versions, version], UpdatedAt = now });
        }, updated => LogVersionAdded(id, updated.Current.Number), cancellationToken).ConfigureAwait(false);
    }

    /// <param name="actor">Who bins it, kept on the document while it is in the bin.</param>
    public Task<Outcome<LibraryDocument>> DeleteAsync(string id, string? actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, (document, now) => Task.FromResult(document.IsDeleted
            ? Answer(new Outcome<LibraryDocument>(OutcomeKind.Done, document))
            : Write(document with { DeletedAt = now, DeletedBy = actor, UpdatedAt = now })), _ => LogDeleted(id), cancellationToken);

    /// <param name="actor">Who restores it, kept on the document as its last restore.</param>
    public Task<Outcome<LibraryDocument>> RestoreAsync(string id, string? actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, (document, now) =>
        {
            if (document.DeletedAt is not { } deletedAt)
            {
                return Task.FromResult(Answer(new Outcome<LibraryDocument>(OutcomeKind.Done, document)));
            }
            // The same clock decides restore and purge, so a document is never restored while being purged.
            return Task.FromResult(now >= rules.RestorableUntil(deletedAt)
                ? Answer(new Outcome<LibraryDocument>(OutcomeKind.Gone, document, Reason: "Ce document ne peut plus être restauré.",
                    Detail: $"Le délai de restauration ({rules.RestorePeriod.TotalDays:0} jours) est dépassé : le document sera définitivement effacé."))
                : Write(document with { DeletedAt = null, DeletedBy = null, RestoredAt = now, RestoredBy = actor, UpdatedAt = now }));
        }, _ => LogRestored(id), cancellationToken);

    /// <summary>What a change makes of the document it read: a record to write, or an answer that ends the request.</summary>
    private readonly record struct Decision(LibraryDocument? Changed, Outcome<LibraryDocument>? Answer);

    private static Decision Write(LibraryDocument changed) => new(changed, null);

    private static Decision Answer(Outcome<LibraryDocument> answer) => new(null, answer);

    /// <summary>
    /// Reads the document, lets <paramref name="decide"/> change it, writes it under the ETag it was read with; when
    /// someone changed it meanwhile, starts again from a fresh read (a few times, then 409).
    /// </summary>
    private async Task<Outcome<LibraryDocument>> UpdateAsync(string id, Func<LibraryDocument, DateTimeOffset, Task<Decision>> decide, Action<LibraryDocument> written, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < UpdateAttempts; attempt++)
        {
            var document = await documents.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return new Outcome<LibraryDocument>(OutcomeKind.NotFound);
            }
            var decision = await decide(document, clock.GetUtcNow()).ConfigureAwait(false);
            if (decision.Answer is { } answer)
            {
                return answer;
            }
            if (await documents.TryUpdateAsync(decision.Changed!, cancellationToken).ConfigureAwait(false) is { } updated)
            {
                written(updated);
                return new Outcome<LibraryDocument>(OutcomeKind.Done, updated);
            }
        }
        return ChangedMeanwhile();
    }

    /// <summary>Erases for good what was deleted longer ago than the restore period. Idempotent: a stopped run is finished by the next.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - rules.RestorePeriod;
        var expired = await documents.ListDeletedAsync(cutoff, cancellationToken).ConfigureAwait(false);
        foreach (var document in expired)
        {
            // Files first, record last: if the run stops in between, the record is still there for the next run.
            await contents.DeleteAllAsync(document.Id, cancellationToken).ConfigureAwait(false);
            await documents.PurgeAsync(document, cancellationToken).ConfigureAwait(false);
            LogPurged(document.Id);
        }
        return expired.Count;
    }

    public Task<LibraryDocument?> GetAsync(string id, CancellationToken cancellationToken) => documents.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<DocumentSummary>> ListAsync(DocumentFilter filter, CancellationToken cancellationToken) => documents.ListAsync(filter, cancellationToken);

    public Task<Stream?> OpenAsync(DocumentVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return contents.OpenAsync(version.ContentName, cancellationToken);
    }

    /// <summary>Null when the content hash is free (or ours); a Duplicate outcome naming the holder otherwise.</summary>
    private async Task<Outcome<LibraryDocument>?> ClaimAsync(string sha256, string id, CancellationToken cancellationToken)
    {
        var owner = await documents.ClaimContentAsync(sha256, id, cancellationToken).ConfigureAwait(false);
        if (owner == id)
        {
            return null;
        }
        var existing = await documents.GetAsync(owner, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return DuplicateOf(existing);
        }
        // The claim outlived its document (a purge or an upload that stopped half-way): take it over.
        return await documents.TryTakeOverContentAsync(sha256, owner, id, cancellationToken).ConfigureAwait(false)
            ? null
            : DuplicateOf(owner, "Ce fichier est en cours de dépôt par un autre envoi.");
    }

    private Outcome<LibraryDocument>? CheckFile(IncomingFile file)
    {
        if (file.Length == 0)
        {
            var errors = new ValidationErrors();
            errors.Add("file", "Le fichier est vide.");
            return new Outcome<LibraryDocument>(OutcomeKind.Invalid, Errors: errors);
        }
        return file.Length > rules.MaxUploadBytes
            ? new Outcome<LibraryDocument>(OutcomeKind.TooLarge, Detail: TooLargeDetail(rules.MaxUploadBytes))
            : null;
    }

    public static string TooLargeDetail(long maxBytes) =>
        $"La taille maximale d'un fichier est de {maxBytes / (1024.0 * 1024.0):0.#} Mo.";

    private static Outcome<LibraryDocument> Unsupported() =>
        new(OutcomeKind.UnsupportedType,
            Detail: "Formats acceptés : " + string.Join(", ", ContentSniffer.Accepted.Select(t => t.Label)) + ". Le type est reconnu au contenu du fichier, pas à son nom.");

    private static Outcome<LibraryDocument> DuplicateOf(LibraryDocument existing) =>
        DuplicateOf(existing.Id, existing.IsDeleted
            ? $"Ce fichier est déjà dans la bibliothèque, dans la corbeille : « {existing.Description.Title} ». Restaurez-le plutôt que de le déposer à nouveau."
            : $"Ce fichier est déjà dans la bibliothèque : « {existing.Description.Title} ».");

    private static Outcome<LibraryDocument> DuplicateOf(string existingId, string detail) =>
        new(OutcomeKind.Conflict, Reason: "Ce fichier est déjà dans la bibliothèque.", Detail: detail) { ConflictWith = existingId };

    private static Outcome<LibraryDocument> ChangedMeanwhile() =>
        new(OutcomeKind.Conflict, Reason: Impossible, Detail: "Le document a été modifié en même temps par quelqu'un d'autre : réessayez.");

    private static DocumentVersion NewVersion(int number, string sha256, IncomingFile file, SniffedType type, string title, string contentName, DateTimeOffset now) => new()
    {
        Number = number,
        Sha256 = sha256,
        Size = file.Length,
        ContentType = type.MediaType,
        FileName = DownloadNames.For(file.FileName, title, type),
        ContentName = contentName,
        UploadedAt = now,
        UploadedBy = file.UploadedBy,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} uploaded ({Extension}, {Size} bytes)")]
    private partial void LogUploaded(string documentId, string extension, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId}: version {Version} added")]
    private partial void LogVersionAdded(string documentId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} moved to the bin")]
    private partial void LogDeleted(string documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} restored from the bin")]
    private partial void LogRestored(string documentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} purged (files, index and record)")]
    private partial void LogPurged(string documentId);
}
