using AvecSante.Core.Alerts;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Alerts;

public sealed class RevocableLinksTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_link_issued_before_the_persons_link_version_is_revoked_and_one_issued_after_is_not()
    {
        var links = AlertSamples.Links(_clock);
        var before = links.CreateToken("p-0001", LinkPurpose.Preferences);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var versions = new Mock<ILinkVersions>();
        versions.Setup(v => v.GetAsync("p-0001", It.IsAny<CancellationToken>())).ReturnsAsync(new LinkVersion(1, _clock.GetUtcNow()));
        var after = links.CreateToken("p-0001", LinkPurpose.Preferences);
        var revocable = new RevocableLinks(links, versions.Object);

        Assert.Equal(LinkProblem.Revoked, (await revocable.VerifyAsync(before, LinkPurpose.Preferences, CancellationToken.None)).Problem);
        Assert.Equal(LinkProblem.None, (await revocable.VerifyAsync(after, LinkPurpose.Preferences, CancellationToken.None)).Problem);
    }

    [Fact]
    public async Task Without_a_version_every_valid_link_works_and_a_forged_one_is_still_forged()
    {
        var links = AlertSamples.Links(_clock);
        var versions = new Mock<ILinkVersions>();
        var revocable = new RevocableLinks(links, versions.Object);
        var token = links.CreateToken("p-0001", LinkPurpose.Preferences);

        Assert.True((await revocable.VerifyAsync(token, LinkPurpose.Preferences, CancellationToken.None)).IsValid);
        Assert.Equal(LinkProblem.Forged, (await revocable.VerifyAsync(token[..^3] + "abc", LinkPurpose.Preferences, CancellationToken.None)).Problem);
    }
}
