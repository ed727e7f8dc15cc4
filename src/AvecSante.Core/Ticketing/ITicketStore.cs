
namespace AvecSante.Core.Ticketing;

/// <summary>
/// Tickets of an event with its seat counter. Each change of seats is one atomic step with the ticket it concerns
/// (the adapter uses an entity-group transaction), so a seat is never counted twice nor lost.
/// </summary>
public interface ITicketStore
{
    /// <summary>
    /// Creates the ticket once, taking a seat if one is free, a waitlist place otherwise; returns the stored ticket and
    /// whether this call created it. A line marked cancelled is stored cancelled without a seat.
    /// </summary>
    Task<(Ticket Ticket, bool Created)> EnsureAsync(Event value, Ticket draft, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the ticket and frees its seat. An unknown ticket is left unknown (<see cref="TicketChange.Unknown"/>): a
    /// refund that overtakes its order is confirmed through the API or held for staff, never stored as a placeholder.
    /// </summary>
    Task<TicketChange> CancelAsync(Event value, string ticketKey, CancellationToken cancellationToken);

    /// <summary>Gives free seats to the waitlist in FIFO order; returns the tickets promoted now or left with an offer to send.</summary>
    Task<IReadOnlyList<Ticket>> PromoteWaitlistAsync(Event value, CancellationToken cancellationToken);

    /// <summary>Notes that the offer email of a promoted ticket is in the outbox.</summary>
    Task MarkOfferPlannedAsync(Ticket ticket, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> ListAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the attendance of one ticket under its ETag (412 = read again and retry); nothing is written when it
    /// already has that value. Null when the event has no such ticket. Seats and status do not move.
    /// </summary>
    Task<AttendanceChange?> SetAttendedAsync(string eventId, string ticketKey, bool attended, CancellationToken cancellationToken);

    /// <summary>
    /// The tickets of one event that belong to a person: linked to <paramref name="personId"/> or bought with one of
    /// <paramref name="emails"/> (compared without case). One partition-scoped query.
    /// </summary>
    Task<IReadOnlyList<Ticket>> ListForPersonAsync(string eventId, string personId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>
    /// GDPR erasure: blanks the attendee (first name, last name, email) of the person's tickets of one event, under
    /// the ticket's ETag (412 = read again). Status, amount, attendance, person link and the seat counter stay, so the
    /// event's figures do not move. Returns how many tickets were blanked now (0 when run again).
    /// </summary>
    Task<int> EraseAttendeeAsync(string eventId, string personId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken);
}
