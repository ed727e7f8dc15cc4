using AvecSante.Core.Space;

namespace AvecSante.UnitTests.Space;

public sealed class SpaceAddressesTests
{
    private readonly SpaceAddresses _addresses = new(new Uri("https://alertes.example.org/"));

    [Theory]
    [InlineData("/api/espace")]
    [InlineData("/api/espace/appels/c-123")]
    [InlineData("/api/espace/bibliotheque?theme=addictions")]
    public void Pages_of_the_space_are_followed_after_sign_in(string path)
    {
        Assert.True(SpaceAddresses.IsSpacePath(path));
        Assert.Contains("?vers=", _addresses.SignIn("tok", path).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.org/api/espace")]
    [InlineData("//evil.example.org/api/espace")]
    [InlineData("/api/espace//evil.example.org")]
    [InlineData("/api/espace/../preferences/x")]
    [InlineData("/api/espace\\..\\x")]
    [InlineData("/api/espacex")]
    [InlineData("/api/calls")]
    [InlineData("/api/espace/\nLocation: x")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_dropped_so_a_link_never_sends_anyone_elsewhere(string? path)
    {
        Assert.False(SpaceAddresses.IsSpacePath(path));
        Assert.Equal("https://alertes.example.org/api/espace/entrer/tok", _addresses.SignIn("tok", path).ToString());
    }

    [Fact]
    public void The_calendar_feed_is_offered_as_webcal_and_as_https_on_the_same_path()
    {
        var local = new SpaceAddresses(new Uri("http://localhost:7071/"));

        Assert.Equal("webcal://alertes.example.org/api/espace/agenda/abc.ics", _addresses.CalendarFeed("abc", webcal: true).ToString());
        Assert.Equal("https://alertes.example.org/api/espace/agenda/abc.ics", _addresses.CalendarFeed("abc", webcal: false).ToString());
        Assert.Equal("webcal://localhost:7071/api/espace/agenda/abc.ics", local.CalendarFeed("abc", webcal: true).ToString());
    }
}
