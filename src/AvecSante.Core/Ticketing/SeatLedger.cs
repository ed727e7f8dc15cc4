namespace AvecSante.Core.Ticketing;

/// <summary>
/// The seats of an event with a capacity, and the rules that move them: a newcomer is confirmed while seats remain, else
/// waitlisted in arrival order; a cancellation frees its seat or its place; the head of the waitlist is promoted into a
/// freed seat with an offer email still to plan. Pure, so the rules are tested without storage; the ticket store keeps
/// one ledger per event beside its tickets and writes both in one transaction.
/// </summary>
/// <param name="Confirmed">Tickets holding a seat.</param>
/// <param name="Waitlisted">Tickets waiting for one.</param>
/// <param name="NextSequence">The waitlist number the next waitlisted ticket gets (arrival order).</param>
/// <param name="OffersPending">Promotions whose offer email is not planned yet.</param>
public sealed record SeatLedger(int Confirmed, int Waitlisted, long NextSequence, int OffersPending)
{
    public static SeatLedger Empty { get; } = new(0, 0, 1, 0);

    /// <summary>The draft confirmed if a seat is left, waitlisted otherwise, and the ledger that counts it.</summary>
    public (Ticket Ticket, SeatLedger Seats) Admit(Ticket draft, int capacity)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Confirmed < capacity
            ? (draft with { Status = TicketStatus.Confirmed }, this with { Confirmed = Confirmed + 1 })
            : (draft with { Status = TicketStatus.Waitlisted, WaitlistSequence = NextSequence },
                this with { Waitlisted = Waitlisted + 1, NextSequence = NextSequence + 1 });
    }

    /// <summary>The ledger once <paramref name="ticket"/> (as it was before cancelling) no longer holds its seat or place.</summary>
    public SeatLedger Release(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Status switch
        {
            TicketStatus.Confirmed => this with
            {
                Confirmed = Math.Max(0, Confirmed - 1),
                OffersPending = Math.Max(0, OffersPending - (ticket.OfferPending ? 1 : 0)),
            },
            TicketStatus.Waitlisted => this with { Waitlisted = Math.Max(0, Waitlisted - 1) },
            _ => this,
        };
    }

    /// <summary>Whether promotion has anything to do: an offer to finish, or someone waiting for a free seat.</summary>
    public bool HasPromotionWork(int capacity) => OffersPending > 0 || (Waitlisted > 0 && Confirmed < capacity);

    public bool HasFreeSeat(int capacity) => Confirmed < capacity;

    /// <summary>The head of the waitlist confirmed, with its offer email to plan, and the ledger that counts it.</summary>
    public (Ticket Ticket, SeatLedger Seats) Promote(Ticket head, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(head);
        return (head with { Status = TicketStatus.Confirmed, PromotedAt = now, OfferPending = true },
            this with { Confirmed = Confirmed + 1, Waitlisted = Math.Max(0, Waitlisted - 1), OffersPending = OffersPending + 1 });
    }

    /// <summary>The ledger once a promotion's offer email is planned.</summary>
    public SeatLedger OfferPlanned() => this with { OffersPending = Math.Max(0, OffersPending - 1) };
}
