using AvecSante.Tests.Shared;

using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Web;

/// <summary>A full-page screenshot per journey step, kept as a test artefact in .local/screenshots/ (ignored by git).</summary>
public static class Screenshots
{
    public static string Folder => RepositoryRoot.Combine(".local", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
