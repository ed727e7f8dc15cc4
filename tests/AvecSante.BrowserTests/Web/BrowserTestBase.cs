using AvecSante.IntegrationTests.Support;

namespace AvecSante.BrowserTests.Web;

/// <summary>What every browser test class holds: the real LocalHost on Kestrel over Azurite, and one Debian Chromium launched for the class.</summary>
public abstract class BrowserTestBase(KestrelLocalHost host) : IAsyncLifetime, IDisposable
{
    private ChromiumBrowser? _chromium;

    protected BrowserTestBase()
        : this(new KestrelLocalHost())
    {
    }

    protected KestrelLocalHost Host { get; } = host;

    protected ChromiumBrowser Chromium => _chromium ?? throw new InvalidOperationException("Chromium is launched by InitializeAsync.");

    public virtual async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _chromium = await ChromiumBrowser.LaunchAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

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
