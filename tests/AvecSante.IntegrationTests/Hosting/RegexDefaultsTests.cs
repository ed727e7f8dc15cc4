using AvecSante.Api.Composition;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Hosting;

/// <summary>The LocalHost sets the process-wide regex match timeout before it builds anything.</summary>
public sealed class RegexDefaultsTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public void The_local_host_gives_every_pattern_a_match_timeout()
    {
        using var client = _host.CreateClient(); // runs the LocalHost's Program

        Assert.Equal(RegexDefaults.MatchTimeout, AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT"));
    }
}
