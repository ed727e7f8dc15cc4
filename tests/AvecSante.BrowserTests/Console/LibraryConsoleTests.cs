using System.Text;

using AvecSante.BrowserTests.Web;
using AvecSante.Core.Documents;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>The console's Capitalisation pages in Debian's chromium, JavaScript off: deposit a sheet, find it, bin and restore it.</summary>
public sealed class LibraryConsoleTests : BrowserTestBase
{
    private const string Title = "Téléconsultation accompagnée en EHPAD (fictive)";

    /// <summary>A small PDF (the library checks the content, not the name), unique so it is never a duplicate.</summary>
    private async Task<string> PdfAsync(string name)
    {
        Directory.CreateDirectory(Host.OutboxPath);
        var path = Path.Combine(Host.OutboxPath, name);
        await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name} {Guid.NewGuid():N}\n%%EOF\n"));
        return path;
    }

    [Fact]
    public async Task A_staff_member_deposits_an_experience_sheet_finds_it_by_a_word_of_its_obstacles_then_bins_and_restores_it()
    {
        var pdf = await PdfAsync("teleconsultation-ehpad.pdf");
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, "Nolwenn Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Capitalisation", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer une fiche" }).ClickAsync();

        await page.GetByLabel("Fichier").SetInputFilesAsync(pdf);
        await page.GetByLabel("Titre").FillAsync(Title);
        await page.GetByLabel("Structure").FillAsync("MSP de Carhaix (fictive)");
        await page.GetByLabel("Freins").FillAsync("Les créneaux des infirmières de l'EHPAD ne coïncidaient pas avec ceux des médecins.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer" }).ClickAsync();

        // No theme: the library's rule comes back on the form, the typing kept, the file to choose again.
        Assert.Contains("au moins un thème", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(Title, await page.GetByLabel("Titre").InputValueAsync());
        await Screenshots.SaveAsync(page, "console-fiche-erreurs");
        await page.GetByLabel("Fichier").SetInputFilesAsync(pdf);
        await page.GetByLabel("Accès aux soins").CheckAsync();
        await page.GetByLabel("Vieillissement et chutes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer" }).ClickAsync();

        Assert.Equal(Title, await page.TextContentAsync("h1"));
        Assert.Equal("Fiche déposée.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        var version = await page.Locator("#versions ~ .table-wrap tbody tr").AllTextContentsAsync();
        Assert.Contains("nolwenn.exemple@example.org", Assert.Single(version), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "console-fiche");

        await page.GetByRole(AriaRole.Link, new() { Name = "Capitalisation", Exact = true }).ClickAsync();
        await page.GetByLabel("Mots").FillAsync("creneaux infirmieres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        Assert.Equal("1 document(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "teleconsultation-ehpad.pdf" }).ClickAsync());
        Assert.Equal("teleconsultation-ehpad.pdf", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre à la corbeille" }).ClickAsync();
        Assert.Equal("Fiche mise à la corbeille.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        var id = new Uri(page.Url).Segments[^1];
        var binned = await Host.Services.GetRequiredService<DocumentLibrary>().GetAsync(id, CancellationToken.None);
        Assert.Equal("staff:nolwenn.exemple@example.org", binned!.DeletedBy);
        await page.GetByRole(AriaRole.Link, new() { Name = "Capitalisation", Exact = true }).ClickAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = Title }).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Corbeille" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restaurer" }).ClickAsync();
        Assert.Equal("Fiche restaurée.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Contains("Restauré de la corbeille le", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("(par nolwenn.exemple@example.org)", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        var restored = await Host.Services.GetRequiredService<DocumentLibrary>().GetAsync(id, CancellationToken.None);
        Assert.Equal(("staff:nolwenn.exemple@example.org", (string?)null), (restored!.RestoredBy, restored.DeletedBy));
        await page.GetByRole(AriaRole.Link, new() { Name = "Capitalisation", Exact = true }).ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = Title }).CountAsync());
    }

    [Fact]
    public async Task A_new_version_is_added_and_the_first_stays_downloadable()
    {
        var library = Host.Services.GetRequiredService<DocumentLibrary>();
        await using var first = File.OpenRead(await PdfAsync("projet-v1.pdf"));
        var created = await library.UploadAsync(new DocumentMetadata { Title = "Projet de santé (fictif)", Kind = DocumentKinds.HealthProject },
            new IncomingFile(first, first.Length, "projet-v1.pdf", "test"), CancellationToken.None);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, "Gaëlle Exemple");
        await page.GotoAsync("api/console/capitalisation/" + created.Value!.Id);

        await page.GetByLabel("Nouveau fichier").SetInputFilesAsync(await PdfAsync("projet-v2.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la version" }).ClickAsync();

        Assert.StartsWith("Nouvelle version déposée", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        var rows = page.Locator("#versions ~ .table-wrap tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("gaelle.exemple@example.org", await rows.First.TextContentAsync(), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "projet-v1.pdf" }).ClickAsync());
        Assert.StartsWith("%PDF-1.4\n% projet-v1.pdf", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_capitalisation_pages_pass_axe_at_desktop_and_phone_width()
    {
        var library = Host.Services.GetRequiredService<DocumentLibrary>();
        await using var file = File.OpenRead(await PdfAsync("axe.pdf"));
        var sheet = (await library.UploadAsync(new DocumentMetadata
        {
            Title = "Aller vers les patients isolés (fictive)",
            Kind = DocumentKinds.ExperienceSheet,
            Themes = ["acces-aux-soins"],
            Obstacles = "Peu de temps de coordination.",
        }, new IncomingFile(file, file.Length, "axe.pdf", "test"), CancellationToken.None)).Value!;
        foreach (var width in new[] { ChromiumBrowser.DesktopWidth, ChromiumBrowser.PhoneWidth })
        {
            var page = await Chromium.NewPageAsync(Host.BaseAddress, width: width);
            await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");
            await page.GotoAsync("api/console/capitalisation/" + sheet.Id);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GotoAsync("api/console/nouvelle-fiche");
            await page.GetByLabel("Fichier").SetInputFilesAsync(await PdfAsync($"axe-{width}.pdf"));
            await page.GetByLabel("Titre").FillAsync("Sans thème (fictive)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Déposer" }).ClickAsync();
            Assert.Contains("au moins un thème", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GotoAsync("api/console/capitalisation?corbeille=oui");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        await library.DeleteAsync(sheet.Id, "test", CancellationToken.None);
        var binned = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(binned, "Camille Exemple");
        await binned.GotoAsync("api/console/capitalisation/" + sheet.Id);
        Assert.Equal(1, await binned.GetByRole(AriaRole.Button, new() { Name = "Restaurer" }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(binned);
    }
}
