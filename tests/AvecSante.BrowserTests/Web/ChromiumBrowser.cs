using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Web;

/// <summary>Debian's headless Chromium through Playwright (never a browser Playwright downloads), one per test class.</summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Phone first: the narrowest width the pages must serve.</summary>
    public const int PhoneWidth = 360;

    public const int DesktopWidth = 1280;

    private readonly IPlaywright _playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("AVECSANTE_CHROMIUM") is { Length: > 0 } fromScript ? fromScript : DefaultPath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: run ./test.sh, which installs Debian's chromium (apt-get install chromium).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>A fresh context (its own cookies) and page; JavaScript off proves a journey works without it.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool javaScript = true, int width = DesktopWidth)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "fr-FR",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
