namespace AvecSante.Core.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Leased by a dispatcher that is sending it now.</summary>
    Sending,

    Sent,

    /// <summary>A permanent failure, or retries exhausted: shown in GET /api/notifications?status=failed.</summary>
    Failed,
}

public enum NotificationChannel
{
    Email,
}

/// <summary>
/// One send, planned once. Its id is the digest of its idempotency key (recipient × subject-of-send × kind), so
/// planning the same send twice finds the existing record instead of making a second one.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Kind { get; init; }

    public NotificationChannel Channel { get; init; } = NotificationChannel.Email;

    public required string RecipientId { get; init; }

    public required EmailContent Email { get; init; }

    /// <summary>What the send is about (a call id), for the report and for erasure.</summary>
    public string? Subject { get; init; }

    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag); null before it is stored.</summary>
    public string? Version { get; init; }

    public static string IdFor(string idempotencyKey) => Common.StableKeys.Digest(idempotencyKey, 32);
}

/// <summary>A ready-to-send email: French text and HTML parts, and optional small attachments (an .ics).</summary>
public sealed record EmailContent(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A small file sent with an email (kept in the outbox record, so a few kilobytes at most).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string ContentBase64);
