using AvecSante.BrowserTests.Web;
using AvecSante.Core.Members;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>The console's Adhérents pages in Debian's chromium, JavaScript off: a conflicting edit, a cotisation, the export, a GDPR erasure.</summary>
public sealed class MemberFileConsoleTests : BrowserTestBase
{
    private MembersService Members => Host.Services.GetRequiredService<MembersService>();

    private async Task<string> SeedStructureAsync()
    {
        var change = await Members.CreateStructureAsync(
            new StructureInput("MSP", "MSP de Plouguerneau (fictive)", "29", "Plouguerneau", null, null, true, false, "2024-01-15", null), "test", CancellationToken.None);
        return change.Value!.Id;
    }

    private async Task<IPage> SignedInAsync(string who)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, who);
        return page;
    }

    [Fact]
    public async Task Two_staff_members_edit_the_same_structure_and_the_second_is_told_who_changed_it_meanwhile_then_saves_deliberately()
    {
        var id = await SeedStructureAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5)); // each change at its own time, as in life
        var camille = await SignedInAsync("Camille Exemple");
        var nolwenn = await SignedInAsync("Nolwenn Exemple");
        await camille.GotoAsync("api/console/adherents/structures/" + id);
        await nolwenn.GotoAsync("api/console/adherents/structures/" + id);

        await nolwenn.GetByLabel("Commune", new() { Exact = true }).FillAsync("Plouguerneau-Bourg");
        await nolwenn.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        Assert.Equal("Modifications enregistrées.", await nolwenn.GetByRole(AriaRole.Status).TextContentAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        // Camille's form still carries the version she read: her save is refused, naming Nolwenn, her typing kept.
        await camille.GetByLabel("Nom", new() { Exact = true }).FillAsync("MSP des Abers (fictive)");
        var refused = await camille.RunAndWaitForResponseAsync(
            () => camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        var alert = await camille.GetByRole(AriaRole.Alert).TextContentAsync();
        Assert.Contains("modifiée entre-temps par nolwenn.exemple@example.org (23 novembre 2026 à 09h35)", alert, StringComparison.Ordinal);
        Assert.Equal("MSP des Abers (fictive)", await camille.GetByLabel("Nom", new() { Exact = true }).InputValueAsync());
        Assert.Contains("Plouguerneau-Bourg", await camille.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(camille, "console-structure-conflit");

        await camille.GetByLabel("Commune", new() { Exact = true }).FillAsync("Plouguerneau-Bourg");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        Assert.Equal("Modifications enregistrées.", await camille.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal("MSP des Abers (fictive)", await camille.TextContentAsync("h1"));

        var stored = (await Members.GetStructureAsync(id, CancellationToken.None))!.Structure;
        Assert.Equal(("MSP des Abers (fictive)", "Plouguerneau-Bourg"), (stored.Name, stored.Commune));
        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(id, 1, CancellationToken.None);
        Assert.Equal(["staff:camille.exemple@example.org", "staff:nolwenn.exemple@example.org"],
            audit.Where(e => e.Action == "updated").OrderByDescending(e => e.At).Select(e => e.Actor).ToArray());
    }

    [Fact]
    public async Task A_staff_member_records_a_cotisation_the_status_follows_and_the_export_holds_the_structure()
    {
        var id = await SeedStructureAsync();
        var page = await SignedInAsync("Gaëlle Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Adhérents", Exact = true }).ClickAsync();
        await page.GetByLabel("Nom").FillAsync("plouguerneau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "MSP de Plouguerneau (fictive)" }).ClickAsync();
        Assert.Contains("non adhérente", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Montant en euros").FillAsync("120,50");
        await page.GetByLabel("Payée le").FillAsync("2026-11-20");
        await page.GetByLabel("Mode de paiement").SelectOptionAsync("virement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la cotisation" }).ClickAsync();

        Assert.Equal("Cotisation enregistrée.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        var row = page.Locator("#cotisations ~ .table-wrap tbody tr");
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Equal(["2026", "120,5 €", "20 novembre 2026", "Virement", "—"], cells);
        Assert.Contains("à jour", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "console-structure-cotisation");
        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync($"{id}~2026", 1, CancellationToken.None);
        Assert.Equal("staff:gaelle.exemple@example.org", Assert.Single(audit).Actor);

        // A wrong amount comes back on the form, named, and nothing is stored.
        await page.GetByLabel("Montant en euros").FillAsync("cent euros");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la cotisation" }).ClickAsync();
        Assert.Contains("Le montant s'écrit en euros", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Adhérents", Exact = true }).ClickAsync();
        await page.GetByLabel("Adhésion").SelectOptionAsync("current");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "MSP de Plouguerneau (fictive)" }).CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("MSP de Plouguerneau (fictive)", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_s_data_is_exported_then_erased_after_the_confirmation()
    {
        var person = (await Members.CreatePersonAsync(new AvecSante.Core.Members.PersonInput("Yuna", "Exemple", "yuna.exemple@example.org", null, null, "Infirmière",
            ["coordinator"], null, null, null, null), "test", CancellationToken.None)).Value!;
        var page = await SignedInAsync("Soizic Exemple");
        await page.GotoAsync("api/console/adherents/personnes");
        await page.GetByLabel("Nom ou prénom").FillAsync("yuna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Exemple Yuna" }).ClickAsync();
        Assert.Equal("Yuna Exemple", await page.TextContentAsync("h1"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Voir l'export de ses données" }).ClickAsync();
        Assert.Contains("yuna.exemple@example.org", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Effacer cette personne…" }).ClickAsync();
        Assert.Equal("Effacer Yuna Exemple", await page.TextContentAsync("h1"));
        await Screenshots.SaveAsync(page, "console-effacement");
        Assert.NotNull(await Members.GetPersonAsync(person.Id, CancellationToken.None)); // nothing happens before the confirmation
        await page.GetByLabel("Je confirme l'effacement définitif de Yuna Exemple").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Effacer définitivement" }).ClickAsync();

        Assert.Equal("Personne effacée", await page.TextContentAsync("h1"));
        Assert.Null(await Members.GetPersonAsync(person.Id, CancellationToken.None));
        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(person.Id, 1, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "staff:soizic.exemple@example.org");
    }

    [Fact]
    public async Task The_member_file_pages_pass_axe_at_desktop_and_phone_width_including_a_conflict_and_form_errors()
    {
        var id = await SeedStructureAsync();
        var person = (await Members.CreatePersonAsync(new AvecSante.Core.Members.PersonInput("Erwan", "Exemple", "erwan.exemple@example.org", null, null, null,
            ["leader"], null, [id], null, null), "test", CancellationToken.None)).Value!;
        foreach (var width in new[] { ChromiumBrowser.DesktopWidth, ChromiumBrowser.PhoneWidth })
        {
            var page = await Chromium.NewPageAsync(Host.BaseAddress, width: width);
            await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");
            foreach (var path in new[] { "adherents/structures/" + id, "adherents/personnes/" + person.Id, "adherents/personnes/" + person.Id + "/effacement" })
            {
                var response = await page.GotoAsync("api/console/" + path);
                Assert.True(response!.Ok, $"{path}: {response.Status}");
                await Accessibility.AssertNoSeriousViolationsAsync(page);
            }
            await page.GotoAsync("api/console/adherents/structures/" + id);
            await Members.UpdateStructureAsync(id, MemberForms(await Members.GetStructureAsync(id, CancellationToken.None)) with { Commune = "Landéda " + width }, null, "test", CancellationToken.None);
            await page.GetByLabel("SIRET").FillAsync("123");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
            Assert.Contains("modifiée entre-temps", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
            Assert.Contains("SIRET invalide", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await Screenshots.SaveAsync(page, $"console-structure-{width}");
        }
    }

    private static StructureInput MemberForms(StructureView? view) => Api.Console.MemberForms.StructureFrom(view!.Structure);
}
