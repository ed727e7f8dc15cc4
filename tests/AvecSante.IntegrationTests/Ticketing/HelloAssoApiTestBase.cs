using AvecSante.IntegrationTests.Support;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>
/// A LocalHost on Azurite with the ticketing secrets and HelloAsso API credentials pointing at a WireMock HelloAsso that
/// hands out tokens; each test serves the orders it needs.
/// </summary>
public abstract class HelloAssoApiTestBase : IAsyncLifetime, IDisposable
{
    protected const string FormSlug = "journee-regionale-2027";
    protected const string OrderPath = "/v5/orders/700000001";

    protected HelloAssoApiTestBase()
    {
        Host.SetTicketingSecrets();
        Host.UseHelloAssoApi(Api);
        Api.ServeHelloAssoToken();
    }

    protected WireMockServer Api { get; } = WireMockServer.Start();

    protected LocalHostFactory Host { get; } = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

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
            Api.Stop();
            Api.Dispose();
        }
    }
}
