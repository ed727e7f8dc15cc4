using AvecSante.Api.Samples;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>Tests on a LocalHost app with ticketing's secrets set and the sample people seeded, fresh for each test.</summary>
public abstract class TicketingHostTests : IAsyncLifetime, IDisposable
{
    protected TicketingHostTests() => Host.SetTicketingSecrets();

    protected LocalHostFactory Host { get; } = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        await Host.Services.GetRequiredService<SamplePeopleSeeder>()
            .SeedAsync(RepositoryFiles.Path("samples", "people.json"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Host.Dispose();
        }
    }
}
