namespace AvecSante.Core.Ticketing;

/// <summary>Where a ticket came from; part of its key, so two senders can never collide.</summary>
public static class TicketSources
{
    public const string HelloAsso = "helloasso";
    public const string Webhook = "webhook";
}

public enum TicketStatus
{
    Confirmed,

    /// <summary>Paid or registered while the event was full: waits in FIFO order for a freed seat.</summary>
    Waitlisted,

    Cancelled,
}

/// <summary>The person a ticket is for, as the form gave it (personal data: never logged, never a key).</summary>
public sealed record Attendee(string? FirstName, string? LastName, string? Email)
{
    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// One ticket-bearing line of an order: a HelloAsso order item, or an attendee of a generic submission.
/// <paramref name="StructureHints"/>: structures the registration names (form fields, the payer's company), used to
/// tell namesakes apart when the email matches nobody.
/// </summary>
public sealed record TicketLine(
    string Source,
    string ExternalId,
    string? OrderId,
    string? TierName,
    long AmountCents,
    Attendee Attendee,
    bool Cancelled = false,
    IReadOnlyList<string>? StructureHints = null);

public enum TicketingAction
{
    /// <summary>Create the tickets of the lines (each exactly once).</summary>
    Register,

    /// <summary>Cancel the tickets of the lines and free their seats.</summary>
    Cancel,

    /// <summary>Acknowledge and do nothing (another form, another event type).</summary>
    Ignore,
}

/// <summary>What a notification asks for, once read: routing (form slug or event id), the lines, or why it is ignored.</summary>
public sealed record TicketingCommand(
    string NotificationType,
    TicketingAction Action,
    string? FormSlug,
    string? EventId,
    IReadOnlyList<TicketLine> Lines,
    string? IgnoredReason = null,
    long? DeclaredTotalCents = null)
{
    /// <summary>The HelloAsso order id of an Order notification (read even when it carries no ticket), for the API re-read.</summary>
    public string? OrderId { get; init; }

    public static TicketingCommand Ignore(string notificationType, string reason, string? formSlug = null) =>
        new(notificationType, TicketingAction.Ignore, formSlug, null, [], reason);
}

/// <summary>A stored ticket. Its key is "{source}~{external id}", unique within its event.</summary>
public sealed record Ticket
{
    public required string Key { get; init; }

    public required string EventId { get; init; }

    public required string Source { get; init; }

    public required string ExternalId { get; init; }

    public string? OrderId { get; init; }

    public string? TierName { get; init; }

    public long AmountCents { get; init; }

    public required Attendee Attendee { get; init; }

    /// <summary>The person of the directory this attendee is, when matched by email.</summary>
    public string? PersonId { get; init; }

    public string? StructureName { get; init; }

    public TicketStatus Status { get; init; }

    /// <summary>Order of arrival on the waitlist (FIFO); 0 when never waitlisted.</summary>
    public long WaitlistSequence { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PromotedAt { get; init; }

    /// <summary>True between a promotion and the enqueueing of its email, so a crash in between is finished later.</summary>
    public bool OfferPending { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Attendance for the report: null until known.</summary>
    public bool? Attended { get; init; }

    public string? Version { get; init; }

    public static string KeyFor(string source, string externalId) => $"{source}~{externalId}";
}

/// <summary>What setting a ticket's attendance did: the ticket as it now is, and whether it was written.</summary>
public sealed record AttendanceChange(Ticket Ticket, bool Updated);

/// <summary>How a ticket line was settled.</summary>
public enum TicketChange
{
    Created,
    AlreadyKnown,
    Cancelled,
    AlreadyCancelled,

    /// <summary>A cancellation for a ticket never stored: nothing is written (no placeholder a forged refund could plant).</summary>
    Unknown,
}

public sealed record TicketingOutcome(
    string Status,
    string? Reason = null,
    string? EventId = null,
    int TicketsCreated = 0,
    int Duplicates = 0,
    int Waitlisted = 0,
    int Cancelled = 0,
    int Promoted = 0,
    int EmailsPlanned = 0)
{
    public const string Processed = "processed";
    public const string Ignored = "ignored";
}
