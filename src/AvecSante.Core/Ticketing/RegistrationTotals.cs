
namespace AvecSante.Core.Ticketing;

/// <summary>
/// An event's registrations in figures: seats, confirmed, waitlist, cancelled, attended, revenue (cancelled tickets
/// excluded: they were refunded) and how many active tickets are linked to a person of the member file.
/// </summary>
public sealed record RegistrationTotals(int? Capacity, int Confirmed, int Waitlisted, int Cancelled, int Attended, long RevenueCents, int LinkedToPeople)
{
    public static RegistrationTotals Of(Event value, IReadOnlyCollection<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(tickets);
        var active = tickets.Where(t => t.Status != TicketStatus.Cancelled).ToList();
        return new RegistrationTotals(
            value.Capacity,
            tickets.Count(t => t.Status == TicketStatus.Confirmed),
            tickets.Count(t => t.Status == TicketStatus.Waitlisted),
            tickets.Count(t => t.Status == TicketStatus.Cancelled),
            tickets.Count(t => t.Attended == true),
            active.Sum(t => t.AmountCents),
            active.Count(t => t.PersonId is not null));
    }
}
