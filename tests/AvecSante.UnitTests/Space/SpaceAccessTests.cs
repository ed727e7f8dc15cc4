using AvecSante.Core.Members;
using AvecSante.Core.Space;

namespace AvecSante.UnitTests.Space;

public sealed class SpaceAccessTests
{
    [Theory]
    [InlineData(MembershipStatus.New, true)]
    [InlineData(MembershipStatus.Current, true)]
    [InlineData(MembershipStatus.Grace, true)]
    [InlineData(MembershipStatus.Lapsed, false)]
    [InlineData(MembershipStatus.None, false)]
    public void A_coordinator_enters_only_while_one_of_their_structures_is_a_member(MembershipStatus status, bool expected)
    {
        Assert.Equal(expected, SpaceAccess.MayEnter(SpaceTestData.Coordinator(), [status]));
    }

    [Fact]
    public void A_leader_of_a_member_enters_and_a_board_member_or_staff_without_the_flag_does_not()
    {
        var leader = SpaceTestData.Coordinator() with { Roles = [MemberRoles.Leader] };
        var board = SpaceTestData.Coordinator() with { Roles = [MemberRoles.Board, MemberRoles.Staff] };

        Assert.True(SpaceAccess.MayEnter(leader, [MembershipStatus.Current]));
        Assert.False(SpaceAccess.MayEnter(board, [MembershipStatus.Current]));
        Assert.False(SpaceAccess.MayEnter(SpaceTestData.Coordinator(), []));
    }

    [Fact]
    public void Someone_staff_flagged_enters_without_any_membership()
    {
        var flagged = SpaceTestData.Coordinator() with { Roles = [MemberRoles.SpaceAccess] };

        Assert.True(SpaceAccess.MayEnter(flagged, []));
    }
}
