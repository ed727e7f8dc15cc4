using AvecSante.Core.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.UnitTests.Alerts;

public sealed class SignedLinksTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_token_names_its_person_for_its_purpose_only()
    {
        var links = AlertSamples.Links(_clock);
        var token = links.CreateToken("p-0001", LinkPurpose.Preferences);

        Assert.Equal(new LinkCheck("p-0001", LinkProblem.None, _clock.GetUtcNow()), links.Verify(token, LinkPurpose.Preferences));
        Assert.Equal(LinkProblem.Forged, links.Verify(token, LinkPurpose.Unsubscribe).Problem);
        Assert.StartsWith("https://alertes.example.org/api/preferences/", links.PreferencesUrl("p-0001").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_persons_id_or_another_key_breaks_the_signature()
    {
        var links = AlertSamples.Links(_clock);
        var token = links.CreateToken("p-0001", LinkPurpose.Preferences);
        var other = links.CreateToken("p-0002", LinkPurpose.Preferences);
        var spliced = other.Split('.')[0] + "." + token.Split('.')[1];
        var otherKey = new SignedLinks(new LinkSettings("another-key-another-key-another-key-0000"u8.ToArray(), new Uri("https://alertes.example.org/"), TimeSpan.FromDays(90)), _clock);

        Assert.Equal(LinkProblem.Forged, links.Verify(spliced, LinkPurpose.Preferences).Problem);
        Assert.Equal(LinkProblem.Forged, otherKey.Verify(token, LinkPurpose.Preferences).Problem);
        Assert.Equal(LinkProblem.Malformed, links.Verify("not-a-token", LinkPurpose.Preferences).Problem);
        Assert.Equal(LinkProblem.Malformed, links.Verify("a.b!c", LinkPurpose.Preferences).Problem);
    }

    [Fact]
    public void A_token_stops_working_after_its_validity()
    {
        var links = AlertSamples.Links(_clock);
        var token = links.CreateToken("p-0001", LinkPurpose.Unsubscribe);

        _clock.Advance(TimeSpan.FromDays(89));
        Assert.True(links.Verify(token, LinkPurpose.Unsubscribe).IsValid);
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(LinkProblem.Expired, links.Verify(token, LinkPurpose.Unsubscribe).Problem);
    }
}
