namespace AvecSante.Core.Ticketing;

public enum InboxStatus
{
    /// <summary>Claimed, not finished: the sweeper picks it up after a grace period.</summary>
    Pending,
    Processed,
    Ignored,

    /// <summary>Gave up after too many attempts; kept for a person to look at.</summary>
    Failed,

    /// <summary>A refund nobody could confirm (no HelloAsso API credentials): kept for staff to apply or dismiss.</summary>
    Held,
}

/// <summary>A received notification: which raw payload (Blob) it is, and how far its processing went.</summary>
public sealed record InboxRecord
{
    /// <summary>Stable id: HelloAsso "ha-" + SHA-256 of the raw body; generic webhook "wh-" + digest of the submission id.</summary>
    public required string Id { get; init; }

    public required string Source { get; init; }

    public required string BlobName { get; init; }

    public required string ContentSha256 { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public InboxStatus Status { get; init; } = InboxStatus.Pending;

    public int Attempts { get; init; }

    public string? Outcome { get; init; }
}

/// <summary>The raw payload store: archived before anything else is done with a delivery.</summary>
public interface IRawPayloadArchive
{
    /// <summary>Stores the bytes (idempotent: same content, same name) and returns the blob name and SHA-256.</summary>
    Task<(string BlobName, string Sha256)> ArchiveAsync(string source, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>As <see cref="ArchiveAsync"/> in one storage call, saying whether these bytes were new (false = archived before).</summary>
    Task<(string BlobName, string Sha256, bool IsNew)> ArchiveOnceAsync(string source, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an uploaded file (idempotent, named by content) as "{federation}/{folder}/{sha256}.{extension}" and returns
    /// the blob name and SHA-256: the attendance imports are kept beside the notifications.
    /// </summary>
    Task<(string BlobName, string Sha256)> ArchiveFileAsync(string folder, string extension, string contentType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>
    /// GDPR erasure: rewrites the blob with <paramref name="redact"/>'s result (null = nothing to change) under the
    /// blob's ETag (412 = read again), marking it redacted. The name and the SHA-256 recorded at reception stay those
    /// of the original bytes. False when the blob is missing or nothing was changed.
    /// </summary>
    Task<bool> RedactAsync(string blobName, Func<byte[], byte[]?> redact, CancellationToken cancellationToken);

    /// <summary>The names of the files archived under a folder (attendance sheets), for GDPR erasure.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken);
}

/// <summary>Inbox of ticketing deliveries: a claim per stable id makes each delivery processed once.</summary>
public interface ITicketingInbox
{
    /// <summary>Claims the id; false when it was claimed before (a duplicate delivery).</summary>
    Task<bool> TryClaimAsync(InboxRecord record, CancellationToken cancellationToken);

    Task<InboxRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task CompleteAsync(string id, InboxStatus status, string outcome, CancellationToken cancellationToken);

    /// <summary>Counts one more attempt of a record left unfinished; returns the attempts so far.</summary>
    Task<int> RecordAttemptAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records still pending that were received before <paramref name="receivedBefore"/>.</summary>
    Task<IReadOnlyList<InboxRecord>> ListUnfinishedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>Every record of the inbox (GDPR erasure reads the raw payloads they name).</summary>
    Task<IReadOnlyList<InboxRecord>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The records in one status (the refunds held for staff), oldest first.</summary>
    Task<IReadOnlyList<InboxRecord>> ListByStatusAsync(InboxStatus status, CancellationToken cancellationToken);
}
