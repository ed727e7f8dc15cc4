using AvecSante.BrowserTests.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>A published call corrected, cancelled and reinstated from its console page in Debian's chromium, JavaScript off.</summary>
public sealed class CallChangesConsoleTests : BrowserTestBase
{
    private const string Title = "Santé des aidants en MSP (fictif)";

    private async Task<CallForProjects> PublishedCallAsync()
    {
        await Host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(new Person
        {
            Id = "p-changes",
            FirstName = "Erwan",
            LastName = "Exemple",
            Email = "erwan.exemple@example.org",
            StructureName = "MSP de Morlaix (fictive)",
            StructureKind = "MSP",
            Department = "29",
            Roles = ["coordinator"],
        }, CancellationToken.None);
        var now = Host.Clock.GetUtcNow();
        var call = new CallForProjects
        {
            Id = "published-call",
            Title = Title,
            Funder = "ARS Bretagne",
            Source = SourceTrust.Staff,
            Departments = ["29"],
            Deadline = new DateTimeOffset(2026, 12, 18, 12, 0, 0, TimeSpan.FromHours(1)),
            CreatedAt = now,
        };
        Assert.True(await Host.Services.GetRequiredService<ICallRepository>().TryAddAsync(call, CancellationToken.None));
        return call;
    }

    /// <summary>axe runs as script: the page is checked again at the same address in a context with JavaScript on.</summary>
    private async Task AssertAccessibleAsync(string path)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(page, "Gaëlle Exemple");
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path}: {response.Status}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_staff_member_moves_a_published_deadline_and_the_history_names_them_then_cancels_the_call_and_reinstates_it()
    {
        var call = await PublishedCallAsync();
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var outbox = Host.Services.GetRequiredService<IOutboxStore>();
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");

        await page.GotoAsync("api/console/appels?statut=open");
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.GetByLabel("Nouvelle date limite (heure de Paris)").FillAsync("2027-01-08T12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();

        Assert.Equal("Appel corrigé : 1 alerte(s) « appel modifié » prévue(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Contains("vendredi 8 janvier 2027 à 12h00", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        var history = await page.Locator("table").TextContentAsync();
        Assert.Contains("deadline", history, StringComparison.Ordinal);
        Assert.Contains("staff:camille", history, StringComparison.Ordinal); // the person, not a key
        var changed = Assert.Single(await outbox.ListForRecipientAsync("p-changes", CancellationToken.None));
        Assert.Equal((AlertKinds.CallChanged, call.Id), (changed.Kind, changed.Subject));
        Assert.StartsWith("Date limite modifiée", changed.Email.Subject, StringComparison.Ordinal);
        await AssertAccessibleAsync("api/console/appels/" + call.Id);
        await Screenshots.SaveAsync(page, "console-appel-corrige");

        Host.Clock.Advance(TimeSpan.FromMinutes(2)); // a change's alerts are named by its instant: each change at its own time, as in life
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'appel" }).ClickAsync(); // unconfirmed: refused
        Assert.Equal("Annulation non confirmée", await page.TextContentAsync("h1"));
        await page.GotoAsync("api/console/appels/" + call.Id);
        await page.GetByLabel("Je confirme").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'appel" }).ClickAsync();

        Assert.Equal("Appel annulé : 1 alerte(s) « appel annulé » prévue(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Contains("annulé", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("ne figure plus parmi les appels ouverts", await page.Locator(".notice").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).CountAsync());
        await AssertAccessibleAsync("api/console/appels/" + call.Id);
        await Screenshots.SaveAsync(page, "console-appel-annule");
        Assert.Contains(await outbox.ListForRecipientAsync("p-changes", CancellationToken.None), m => m.Email.Subject.StartsWith("Appel annulé", StringComparison.Ordinal));

        await page.GotoAsync("api/console/appels?statut=open");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = Title }).CountAsync());

        // Cancelled by mistake: reinstated, it is open again and its coordinator hears it is back.
        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        await page.GotoAsync("api/console/appels/" + call.Id);
        await page.GetByLabel("Je confirme le rétablissement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rétablir l'appel" }).ClickAsync();

        Assert.Equal("Appel rétabli : 1 alerte(s) « appel rouvert » prévue(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Contains("ouvert", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).CountAsync());
        Assert.Equal(3, (await outbox.ListForRecipientAsync("p-changes", CancellationToken.None)).Count(m => m.Kind == AlertKinds.CallChanged));
        await page.GotoAsync("api/console/appels?statut=open");
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = Title }).CountAsync());
    }

    [Fact]
    public async Task A_correction_made_on_a_page_read_before_a_colleague_s_is_refused_says_who_changed_it_and_keeps_the_typing_over_the_new_values()
    {
        var call = await PublishedCallAsync();
        var camille = await Chromium.NewPageAsync(Host.BaseAddress); // JavaScript on, for axe on the refused page
        var nolwenn = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(camille, "Camille Exemple");
        await ConsoleJourneyTests.SignInAsync(nolwenn, "Nolwenn Exemple");
        await camille.GotoAsync("api/console/appels/" + call.Id);
        await nolwenn.GotoAsync("api/console/appels/" + call.Id);
        const string NewTitle = "Santé des aidants (titre corrigé, fictif)";

        await nolwenn.GetByLabel("Titre", new() { Exact = true }).FillAsync(NewTitle);
        await nolwenn.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await camille.GetByLabel("Nouvelle date limite (heure de Paris)").FillAsync("2027-01-08T12:00");
        var refused = await camille.RunAndWaitForResponseAsync(
            () => camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(409, refused.Status);
        Assert.Contains("modifié entre-temps par staff:nolwenn", await camille.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        var stored = await Host.Services.GetRequiredService<ICallRepository>().GetAsync(call.Id, CancellationToken.None);
        Assert.Equal((call.Deadline, NewTitle), (stored!.Deadline, stored.Title)); // nothing of Camille's saved yet
        // Her typing is kept; the title she left as shown is now her colleague's, so saving again undoes nothing.
        Assert.Equal("2027-01-08T12:00", await camille.GetByLabel("Nouvelle date limite (heure de Paris)").InputValueAsync());
        Assert.Equal(NewTitle, await camille.GetByLabel("Titre", new() { Exact = true }).InputValueAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(camille);

        await camille.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();

        Assert.StartsWith("Appel corrigé", await camille.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        stored = await Host.Services.GetRequiredService<ICallRepository>().GetAsync(call.Id, CancellationToken.None);
        Assert.Equal((new DateTimeOffset(2027, 1, 8, 12, 0, 0, TimeSpan.FromHours(1)), NewTitle), (stored!.Deadline, stored.Title));
    }

    [Fact]
    public async Task A_correction_refused_as_invalid_shows_the_form_again_with_the_typing_and_the_reason_on_its_field()
    {
        var call = await PublishedCallAsync();
        var page = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");
        await page.GotoAsync("api/console/appels/" + call.Id);

        await page.GetByLabel("Nouvelle date limite (heure de Paris)").FillAsync("2027-02-12T17:00");
        await page.GetByLabel("Au fil de l'eau").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(422, refused.Status);
        var reason = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link);
        Assert.Contains("au fil de l'eau", await reason.TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("#correction-rolling", await reason.GetAttributeAsync("href"));
        Assert.Equal("2027-02-12T17:00", await page.GetByLabel("Nouvelle date limite (heure de Paris)").InputValueAsync());
        Assert.True(await page.GetByLabel("Au fil de l'eau").IsCheckedAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var stored = await Host.Services.GetRequiredService<ICallRepository>().GetAsync(call.Id, CancellationToken.None);
        Assert.Equal(call.Deadline, stored!.Deadline);
    }
}
