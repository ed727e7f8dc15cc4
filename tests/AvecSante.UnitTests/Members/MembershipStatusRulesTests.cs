using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.UnitTests.Members;

public sealed class MembershipStatusRulesTests
{
    private static readonly MemberStructure Msp = new() { Id = "s-1", Kind = "MSP", Name = "MSP des Abers (fictive)", Department = "29" };

    private static Cotisation Paid(int year) => new() { StructureId = "s-1", Year = year, Amount = 150m, PaidOn = new DateOnly(year, 2, 1) };

    /// <summary>The status as the service computes it: today is the Paris date of the fake clock's instant.</summary>
    private static MembershipStatus At(FakeTimeProvider clock, IEnumerable<Cotisation> fees, MemberStructure? structure = null, int grace = 3) =>
        MembershipStatusRules.Compute(structure ?? Msp, fees, ParisTime.Today(clock), grace);

    [Fact]
    public void A_structure_without_a_paid_cotisation_is_not_a_member()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        var called = Paid(2026) with { PaidOn = null };

        Assert.Equal(MembershipStatus.None, At(clock, []));
        Assert.Equal(MembershipStatus.None, At(clock, [called]));
    }

    [Fact]
    public void A_first_year_is_new_until_31_December_then_grace_on_the_first_of_January_in_Paris()
    {
        // 31 Dec 22:59 UTC is still 31 Dec in Paris (UTC+1); one minute later it is 1 January.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal(MembershipStatus.New, At(clock, [Paid(2026)]));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(MembershipStatus.Grace, At(clock, [Paid(2026)]));
    }

    [Fact]
    public void Grace_lasts_the_configured_months_then_the_membership_lapses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(MembershipStatus.Grace, At(clock, [Paid(2025), Paid(2026)]));

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(MembershipStatus.Lapsed, At(clock, [Paid(2025), Paid(2026)]));
        Assert.Equal(MembershipStatus.Grace, At(clock, [Paid(2025), Paid(2026)], grace: 6));
    }

    [Fact]
    public void Renewing_during_grace_makes_the_structure_current_again_not_new()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(MembershipStatus.Grace, At(clock, [Paid(2026)]));
        Assert.Equal(MembershipStatus.Current, At(clock, [Paid(2026), Paid(2027)]));
    }

    [Fact]
    public void Paying_next_year_in_December_carries_the_membership_across_the_year_end()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        var fees = new[] { Paid(2025), Paid(2026), Paid(2027) with { PaidOn = new DateOnly(2026, 12, 10) } };
        Assert.Equal(MembershipStatus.Current, At(clock, fees));

        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(MembershipStatus.Current, At(clock, fees));
    }

    [Fact]
    public void A_structure_paying_ahead_for_its_first_year_is_new_already()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(MembershipStatus.New, At(clock, [Paid(2027) with { PaidOn = new DateOnly(2026, 12, 12) }]));
    }

    [Fact]
    public void A_structure_that_left_has_lapsed_from_its_leaving_day_even_if_paid()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        var left = Msp with { LeftOn = new DateOnly(2026, 9, 1) };

        Assert.Equal(MembershipStatus.Lapsed, At(clock, [Paid(2025), Paid(2026)], left));
        Assert.Equal(MembershipStatus.Current, At(clock, [Paid(2025), Paid(2026)], Msp with { LeftOn = new DateOnly(2026, 9, 2) }));
    }

    [Fact]
    public void A_structure_that_joined_in_an_earlier_year_is_current_from_its_first_recorded_payment()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(MembershipStatus.Current, At(clock, [Paid(2026)], Msp with { JoinedOn = new DateOnly(2024, 1, 15) }));
        Assert.Equal(MembershipStatus.New, At(clock, [Paid(2026)], Msp with { JoinedOn = new DateOnly(2026, 1, 15) }));
    }

    [Fact]
    public void Cotisations_of_other_structures_do_not_count()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(MembershipStatus.None, At(clock, [Paid(2026) with { StructureId = "s-2" }]));
    }

    [Theory]
    [InlineData(2026, 12, 31, 3, "2027-03-31")]
    [InlineData(2027, 12, 31, 2, "2028-02-29")]
    [InlineData(2026, 12, 31, 0, "2026-12-31")]
    public void The_last_day_of_grace_is_whole_months_after_the_covered_year(int y, int m, int d, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MembershipStatusRules.GraceEnds(new DateOnly(y, m, d), months));
    }
}
