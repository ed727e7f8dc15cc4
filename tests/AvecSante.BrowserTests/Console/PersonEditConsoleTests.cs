using AvecSante.BrowserTests.Web;
using AvecSante.Core.Members;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>A person's record edited from the console in Debian's chromium, JavaScript off: a bad address, a conflicting edit.</summary>
public sealed class PersonEditConsoleTests : BrowserTestBase
{
    private MembersService Members => Host.Services.GetRequiredService<MembersService>();

    private async Task<IPage> SignedInAsync(string who)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, who);
        return page;
    }

    private async Task<Person> SeedPersonAsync()
    {
        var structure = (await Members.CreateStructureAsync(
            new StructureInput("MSP", "MSP de Lannion (fictive)", "22", "Lannion", null, null, true, false, "2024-01-15", null), "test", CancellationToken.None)).Value!;
        var preferences = new AlertPreferences { AlertsEnabled = true, Themes = ["addictions"] };
        return (await Members.CreatePersonAsync(new PersonInput("Anaïg", "Exemple", "anaig.exemple@example.org", null, "02 96 00 00 00", "Infirmière",
            [MemberRoles.Coordinator], null, [structure.Id], "2026-10-01", preferences), "test", CancellationToken.None)).Value!;
    }

    [Fact]
    public async Task Two_staff_members_edit_the_same_person_the_second_is_told_who_changed_it_meanwhile_and_what_the_form_does_not_show_is_kept()
    {
        var person = await SeedPersonAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var camille = await SignedInAsync("Camille Exemple");
        var nolwenn = await SignedInAsync("Nolwenn Exemple");
        await camille.GotoAsync("api/console/adherents/personnes/" + person.Id);
        await nolwenn.GotoAsync("api/console/adherents/personnes/" + person.Id);

        await nolwenn.GetByLabel("Téléphone").FillAsync("02 96 11 22 33");
        await nolwenn.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        Assert.Equal("Modifications enregistrées.", await nolwenn.GetByRole(AriaRole.Status).TextContentAsync());
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        await camille.GetByLabel("Profession").FillAsync("Infirmière coordinatrice");
        var refused = await camille.RunAndWaitForResponseAsync(
            () => camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        Assert.Contains("modifiée entre-temps par nolwenn.exemple@example.org", await camille.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Infirmière coordinatrice", await camille.GetByLabel("Profession").InputValueAsync()); // her typing kept
        Assert.Contains("02 96 11 22 33", await camille.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal); // the stored values beside it
        await Screenshots.SaveAsync(camille, "console-personne-conflit");

        await camille.GetByLabel("Téléphone").FillAsync("02 96 11 22 33");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        Assert.Equal("Modifications enregistrées.", await camille.GetByRole(AriaRole.Status).TextContentAsync());

        var stored = (await Members.GetPersonAsync(person.Id, CancellationToken.None))!;
        Assert.Equal(("02 96 11 22 33", "Infirmière coordinatrice"), (stored.Phone, stored.Profession));
        Assert.Equal(person.StructureIds, stored.StructureIds); // not on the form, kept
        Assert.Equal(["addictions"], stored.Preferences.Themes);
        Assert.Equal([MemberRoles.Coordinator], stored.Roles);
        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(person.Id, 1, CancellationToken.None);
        Assert.Equal(["staff:camille.exemple@example.org", "staff:nolwenn.exemple@example.org"],
            audit.Where(e => e.Action == "updated").OrderByDescending(e => e.At).Select(e => e.Actor).ToArray());
    }

    [Fact]
    public async Task A_bad_address_is_refused_on_its_field_and_a_role_ticked_is_saved_and_the_page_passes_axe()
    {
        var person = await SeedPersonAsync();
        var page = await SignedInAsync("Gaëlle Exemple");
        await page.GotoAsync("api/console/adherents/personnes/" + person.Id);

        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync("anaig.exemple@example"); // the browser takes it, the member file does not (no domain)
        await page.GetByLabel("Membre du conseil d'administration").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, refused.Status);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#error-email").TextContentAsync()));
        Assert.True(await page.GetByLabel("Membre du conseil d'administration").IsCheckedAsync()); // the typing kept

        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync("anaig.exemple@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        Assert.Equal("Modifications enregistrées.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal([MemberRoles.Coordinator, MemberRoles.Board], (await Members.GetPersonAsync(person.Id, CancellationToken.None))!.Roles);

        // axe runs as script: the same page in a context with JavaScript on.
        var checkedPage = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(checkedPage, "Gaëlle Exemple");
        await checkedPage.GotoAsync("api/console/adherents/personnes/" + person.Id);
        await Accessibility.AssertNoSeriousViolationsAsync(checkedPage);
    }
}
