using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class SeatLedgerTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Ticket Draft(string key) => new()
    {
        Key = key,
        EventId = "evt",
        Source = "webhook",
        ExternalId = key,
        Attendee = new Attendee("Aline", "Exemple", $"{key}@example.org"),
    };

    [Fact]
    public void Newcomers_are_confirmed_while_seats_remain_then_waitlisted_in_arrival_order()
    {
        var seats = SeatLedger.Empty;
        var statuses = new List<(TicketStatus, long)>();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            (var ticket, seats) = seats.Admit(Draft(key), capacity: 2);
            statuses.Add((ticket.Status, ticket.WaitlistSequence));
        }

        Assert.Equal([(TicketStatus.Confirmed, 0L), (TicketStatus.Confirmed, 0L), (TicketStatus.Waitlisted, 1L), (TicketStatus.Waitlisted, 2L)], statuses);
        Assert.Equal(new SeatLedger(2, 2, 3, 0), seats);
    }

    [Fact]
    public void A_cancelled_confirmed_ticket_frees_its_seat_and_its_pending_offer()
    {
        var seats = new SeatLedger(2, 1, 2, 1);

        var freed = seats.Release(Draft("a") with { Status = TicketStatus.Confirmed, OfferPending = true });

        Assert.Equal(new SeatLedger(1, 1, 2, 0), freed);
        Assert.True(freed.HasFreeSeat(2));
    }

    [Fact]
    public void A_cancelled_waitlisted_ticket_frees_its_place_and_an_already_cancelled_one_nothing()
    {
        var seats = new SeatLedger(2, 1, 2, 0);

        Assert.Equal(new SeatLedger(2, 0, 2, 0), seats.Release(Draft("c") with { Status = TicketStatus.Waitlisted }));
        Assert.Equal(seats, seats.Release(Draft("c") with { Status = TicketStatus.Cancelled }));
    }

    [Fact]
    public void Counts_never_go_below_zero()
    {
        Assert.Equal(SeatLedger.Empty, SeatLedger.Empty.Release(Draft("a") with { Status = TicketStatus.Confirmed, OfferPending = true }));
        Assert.Equal(SeatLedger.Empty, SeatLedger.Empty.OfferPlanned());
    }

    [Theory]
    [InlineData(2, 1, 0, 2, false)] // full, nobody to offer
    [InlineData(1, 1, 0, 2, true)] // a free seat and someone waiting
    [InlineData(1, 0, 0, 2, false)] // a free seat, nobody waiting
    [InlineData(2, 0, 1, 2, true)] // an offer whose email is not planned yet
    public void Promotion_has_work_only_for_a_waiting_person_and_a_free_seat_or_an_unplanned_offer(int confirmed, int waitlisted, int offers, int capacity, bool expected)
    {
        Assert.Equal(expected, new SeatLedger(confirmed, waitlisted, 5, offers).HasPromotionWork(capacity));
    }

    [Fact]
    public void Promotion_confirms_the_head_with_an_offer_to_plan_and_planning_it_clears_the_offer()
    {
        var seats = new SeatLedger(1, 2, 3, 0);

        var (promoted, after) = seats.Promote(Draft("c") with { Status = TicketStatus.Waitlisted, WaitlistSequence = 1 }, Now);

        Assert.Equal(TicketStatus.Confirmed, promoted.Status);
        Assert.True(promoted.OfferPending);
        Assert.Equal(Now, promoted.PromotedAt);
        Assert.Equal(new SeatLedger(2, 1, 3, 1), after);
        Assert.Equal(new SeatLedger(2, 1, 3, 0), after.OfferPlanned());
    }
}
