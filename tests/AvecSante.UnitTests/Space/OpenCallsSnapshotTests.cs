using AvecSante.Core.Calls;
using AvecSante.Core.Space;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Space;

public sealed class OpenCallsSnapshotTests
{
    [Fact]
    public async Task Open_calls_are_read_once_per_lifetime_and_again_after_it()
    {
        var clock = new FakeTimeProvider(SpaceTestData.Now);
        var calls = new Mock<ICallRepository>();
        calls.Setup(c => c.ListAsync(It.Is<CallFilter>(f => f.Status == CallStatus.Open), It.IsAny<CancellationToken>()))
            .ReturnsAsync([SpaceTestData.Call("c1", "addictions", SpaceTestData.Now.AddDays(3))]);
        var snapshot = new OpenCallsSnapshot(calls.Object, clock);

        await Task.WhenAll(snapshot.GetAsync(CancellationToken.None), snapshot.GetAsync(CancellationToken.None));
        clock.Advance(OpenCallsSnapshot.Lifetime - TimeSpan.FromSeconds(1));
        var cached = await snapshot.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await snapshot.GetAsync(CancellationToken.None);

        Assert.Equal("c1", Assert.Single(cached).Id);
        calls.Verify(c => c.ListAsync(It.IsAny<CallFilter>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
