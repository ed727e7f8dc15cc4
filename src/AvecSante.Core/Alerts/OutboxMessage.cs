namespace AvecSante.Core.Alerts;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Leased by a dispatcher that is sending it now.</summary>
    Sending,

    Sent,

    /// <summary>A permanent failure, or retries exhausted: shown in GET /api/notifications?status=failed.</summary>
    Failed,

    /// <summary>Not sent on purpose: the person unsubscribed or turned this kind of message off before it left.</summary>
    Cancelled,
}

public enum NotificationChannel
{
    /// <summary>Email to an outside address: SendGrid (batched), or an .eml file locally.</summary>
    Email,

    /// <summary>Email to an address of the federation's tenant: Graph sendMail from the shared mailbox, or an .eml file.</summary>
    TenantEmail,

    /// <summary>The deadline event of a call in the shared calendar (Graph), or an .ics file locally.</summary>
    Calendar,

    /// <summary>An Adaptive Card in the coordinators' Teams channel (Workflows webhook), or a JSON file locally.</summary>
    Teams,
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

    /// <summary>
    /// Messages with the same batch key have the same content except <see cref="Substitutions"/>: SendGrid sends them
    /// in one request (up to 1,000 personalizations). Null = sent alone.
    /// </summary>
    public string? BatchKey { get; init; }

    /// <summary>Per-recipient values of the tokens in <see cref="Email"/> (first name, reason, signed links).</summary>
    public IReadOnlyDictionary<string, string>? Substitutions { get; init; }

    /// <summary>What a non-email channel sends (calendar entry, Teams card), as JSON.</summary>
    public string? Payload { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag); null before it is stored.</summary>
    public string? Version { get; init; }

    public static string IdFor(string idempotencyKey) => Common.StableKeys.Digest(idempotencyKey, 32);
}

/// <summary>A ready-to-send email: French text and HTML parts, and optional small attachments (an .ics).</summary>
public sealed record EmailContent(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null)
{
    /// <summary>The email with its tokens replaced, for channels that cannot substitute themselves (Graph, .eml).</summary>
    public EmailContent Render(IReadOnlyDictionary<string, string>? substitutions)
    {
        if (substitutions is not { Count: > 0 })
        {
            return this;
        }
        string Apply(string text)
        {
            foreach (var (token, value) in substitutions)
            {
                text = text.Replace(token, value, StringComparison.Ordinal);
            }
            return text;
        }
        return this with { Subject = Apply(Subject), TextBody = Apply(TextBody), HtmlBody = Apply(HtmlBody) };
    }
}

/// <summary>A small file sent with an email (kept in the outbox record, so a few kilobytes at most).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string ContentBase64);
