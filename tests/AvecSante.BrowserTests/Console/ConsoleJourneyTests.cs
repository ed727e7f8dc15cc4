using AvecSante.Api.Console;
using AvecSante.BrowserTests.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>The staff console in Debian's chromium: the development sign-in, a CPAM email published without JavaScript, axe on every page.</summary>
public sealed class ConsoleJourneyTests : BrowserTestBase
{

    /// <summary>A CPAM email as the partner sends it (synthetic, example.org), saved as the .eml a staff member drops in.</summary>
    private static string CpamEmail() => string.Join("\r\n",
        "From: CPAM du Morbihan <partenariats@cpam-56.example.org>",
        "To: contact@example.org",
        "Subject: =?utf-8?Q?Appel_=C3=A0_projets_d=C3=A9pistage?=",
        "Date: Mon, 23 Nov 2026 09:12:00 +0100",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        string.Empty,
        "Bonjour,",
        "La CPAM du Morbihan lance un appel à projets « Dépistage des cancers : aller vers » pour soutenir les actions de",
        "dépistage organisé des cancers portées par les maisons de santé pluriprofessionnelles et les CPTS du département.",
        "Une lettre d'intention est attendue avant le 4 décembre ; les dossiers complets sont à envoyer au plus tard le",
        "18 décembre 2026 inclus à midi.",
        string.Empty);

    /// <summary>A coordinator of an MSP in the directory, with the default preferences (every theme of their department).</summary>
    private Task AddCoordinatorAsync(string id, string firstName, string email, string structure, string department) =>
        Host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(new Person
        {
            Id = id,
            FirstName = firstName,
            LastName = "Exemple",
            Email = email,
            StructureName = structure,
            StructureKind = "MSP",
            Department = department,
            Roles = ["coordinator"],
        }, CancellationToken.None);

    internal static async Task SignInAsync(IPage page, string who)
    {
        await page.GotoAsync("api/console");
        Assert.EndsWith("/api/console/connexion?retour=%2Fapi%2Fconsole", page.Url, StringComparison.Ordinal);
        await page.GetByLabel(who, new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        Assert.Equal("Aujourd'hui", await page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task A_call_held_for_review_is_corrected_from_its_page_without_JavaScript_and_its_coordinator_is_alerted_once()
    {
        await AddCoordinatorAsync("p-review", "Yannick", "yannick.exemple@example.org", "MSP de Carhaix (fictive)", "29");
        var now = Host.Clock.GetUtcNow();
        await Host.Services.GetRequiredService<ICallRepository>().TryAddAsync(new CallForProjects
        {
            Id = "held-call",
            Title = "Prévention des chutes en MSP (fictif)",
            Funder = "Financeur non identifié",
            Source = "flux-synthetique",
            Departments = ["29"],
            Status = CallStatus.ToReview,
            ReviewReasons = ["financeur non identifié"],
            CreatedAt = now,
        }, CancellationToken.None);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await SignInAsync(page, "Camille Exemple");

        await page.GotoAsync("api/console/appels?statut=toreview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prévention des chutes en MSP (fictif)" }).ClickAsync();
        Assert.Contains("à vérifier", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Date limite (heure de Paris)").FillAsync("2027-01-15T12:00");
        await page.GetByLabel("Financeur").FillAsync("CPAM 29");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer et annoncer l'appel" }).ClickAsync();

        Assert.Contains("Appel vérifié : 1 alerte(s) prévue(s).", await page.GetByRole(AriaRole.Status).First.TextContentAsync(), StringComparison.Ordinal);
        var facts = await page.Locator("dl.facts").TextContentAsync();
        Assert.Contains("CPAM du Finistère", facts, StringComparison.Ordinal); // the funder's one name
        Assert.Contains("15 janvier 2027", facts, StringComparison.Ordinal);
        Assert.Contains("ouvert", facts, StringComparison.Ordinal);
        Assert.Single(await Host.Services.GetRequiredService<IOutboxStore>().ListForRecipientAsync("p-review", CancellationToken.None));
    }

    [Fact]
    public async Task A_staff_member_signs_in_and_publishes_a_CPAM_email_with_JavaScript_off_and_the_coordinators_are_alerted()
    {
        await AddCoordinatorAsync("p-console", "Maëlle", "maelle.exemple@example.org", "MSP de Pontivy (fictive)", "56");
        var email = Path.Combine(Host.OutboxPath, "cpam56.eml");
        Directory.CreateDirectory(Host.OutboxPath);
        await File.WriteAllTextAsync(email, CpamEmail());
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);

        await SignInAsync(page, "Nolwenn Exemple");
        await Screenshots.SaveAsync(page, "console-aujourdhui");
        await page.GetByRole(AriaRole.Link, new() { Name = "Coller un appel" }).First.ClickAsync();
        await page.GetByLabel("Ou un fichier").SetInputFilesAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();

        Assert.Equal("CPAM du Morbihan", await page.GetByLabel("Financeur").InputValueAsync());
        Assert.Equal("2026-12-18T12:00", await page.GetByLabel("Date limite").InputValueAsync());
        Assert.Contains("18 décembre 2026", await page.Locator(".notice q").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Titre").FillAsync("Dépistage des cancers : aller vers (CPAM 56, fictif)");
        await page.GetByLabel("Morbihan (56)").CheckAsync();
        await Screenshots.SaveAsync(page, "console-appel-apercu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'appel" }).ClickAsync();

        Assert.Equal("Dépistage des cancers : aller vers (CPAM 56, fictif)", await page.TextContentAsync("h1"));
        Assert.Contains("Appel publié : 1 alerte(s) prévue(s).", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("vendredi 18 décembre 2026 à 12h00", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("18 décembre 2026", await page.Locator("dl.facts q").TextContentAsync(), StringComparison.Ordinal); // the phrase it was read from
        await Screenshots.SaveAsync(page, "console-appel-publie");

        await page.GetByRole(AriaRole.Link, new() { Name = "Appels", Exact = true }).ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Dépistage des cancers : aller vers (CPAM 56, fictif)" }).CountAsync());
    }

    [Fact]
    public async Task Every_console_page_passes_axe_at_desktop_and_phone_width()
    {
        foreach (var width in new[] { ChromiumBrowser.DesktopWidth, ChromiumBrowser.PhoneWidth })
        {
            var page = await Chromium.NewPageAsync(Host.BaseAddress, width: width);
            await page.GotoAsync("api/console/connexion");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await SignInAsync(page, "Camille Exemple");
            var pages = ConsoleCatalog.Http.Where(f => f.Methods.Contains("GET") && !f.Route.Contains('{', StringComparison.Ordinal));
            foreach (var function in pages)
            {
                var response = await page.GotoAsync("api/" + function.Route);
                Assert.True(response!.Ok, $"{function.Route}: {response.Status}");
                await Accessibility.AssertNoSeriousViolationsAsync(page);
            }
            // The preview (a POST's page) and a call's page.
            await page.GotoAsync("api/console/nouvel-appel");
            await page.GetByLabel("Texte, courriel ou HTML de l'appel").FillAsync(CpamEmail());
            await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Publier l'appel" }).ClickAsync();
            Assert.Contains("publi", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal); // new at the first width, known at the second
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await Screenshots.SaveAsync(page, $"console-appel-{width}");
        }
    }

    [Fact]
    public async Task A_staff_member_compiles_last_year_s_report_follows_it_and_downloads_the_Word_file()
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await SignInAsync(page, "Gaëlle Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapport d'activité" }).ClickAsync();
        await page.GetByLabel("Année").SelectOptionAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compiler le rapport" }).ClickAsync();

        Assert.Equal("Rapport d'activité 2025", await page.TextContentAsync("h1"));
        var word = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rapport Word") });
        for (var attempt = 0; attempt < 60 && await word.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync(); // what "Actualiser" does, without script
        }
        Assert.Contains("Compilé le", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "console-rapport");
        var download = await page.RunAndWaitForDownloadAsync(() => word.ClickAsync());

        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path!))
        {
            Assert.Equal(2, await file.ReadAsync(head));
        }
        Assert.Equal("PK"u8.ToArray(), head); // a Word file is a ZIP package
    }

    [Fact]
    public async Task A_staff_member_imports_the_CRM_file_with_one_bad_line_dry_run_first_and_reads_the_line_by_line_report()
    {
        var sample = await File.ReadAllLinesAsync(AvecSante.Tests.Shared.RepositoryRoot.Combine("samples", "members", "adherents.csv"));
        var csv = Path.Combine(Host.OutboxPath, "adherents-crm.csv");
        Directory.CreateDirectory(Host.OutboxPath);
        // Header, two good lines, and one whose address is not an address.
        await File.WriteAllLinesAsync(csv, [sample[0], sample[1], sample[2], sample[1].Replace("maelle.legall@example.org", "pas-une-adresse", StringComparison.Ordinal).Replace("Maëlle", "Morgane", StringComparison.Ordinal)]);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await SignInAsync(page, "Camille Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import des adhérents" }).ClickAsync();

        await page.GetByLabel("Fichier CSV exporté du CRM").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer" }).ClickAsync();
        Assert.Equal("Essai à blanc : rien n'a été enregistré", await page.TextContentAsync("h2#rapport"));
        Assert.Equal("3 ligne(s) : 2 nouvelle(s), 0 mise(s) à jour, 0 inchangée(s), 1 refusée(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());

        await page.GetByLabel("Fichier CSV exporté du CRM").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Essai à blanc") }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer" }).ClickAsync();
        Assert.Equal("Import enregistré", await page.TextContentAsync("h2#rapport"));
        var rejected = page.Locator("tbody tr").Filter(new() { HasText = "refusée" });
        Assert.Equal(1, await rejected.CountAsync());
        Assert.Contains("mail", await rejected.TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pas-une-adresse", await page.ContentAsync(), StringComparison.Ordinal); // reasons name the column, never the value
        await Screenshots.SaveAsync(page, "console-import-adherents");
    }
}
