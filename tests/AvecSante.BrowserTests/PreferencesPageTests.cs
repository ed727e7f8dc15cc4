using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.BrowserTests.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests;

/// <summary>The preferences page of the alert emails, driven in Debian's headless Chromium through Playwright.</summary>
public sealed class PreferencesPageTests : BrowserTestBase
{
    private static Person Coordinator() => new()
    {
        Id = "p-browser",
        FirstName = "Maëlle",
        LastName = "Exemple",
        Email = "maelle.exemple@example.org",
        StructureName = "MSP des Abers (fictive)",
        StructureKind = "MSP",
        Department = "29",
        Roles = ["coordinator"],
        Preferences = new AlertPreferences { Themes = ["addictions"] },
    };

    private static async Task<int> SubmitCallAsync(HttpClient admin, string title, string theme)
    {
        using var response = await admin.PostAsJsonAsync(new Uri("api/calls", UriKind.Relative), new
        {
            title,
            funder = "CPAM 29",
            url = "https://www.example.org/cpam29/appels/" + theme,
            deadline = "2026-12-18T12:00",
            themes = new[] { theme },
            departments = new[] { "29" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32();
    }

    [Fact]
    public async Task A_coordinator_changes_a_theme_saves_and_the_next_alert_follows_the_change()
    {
        var baseAddress = Host.BaseAddress;
        await Host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(Coordinator(), CancellationToken.None);
        var link = Host.Services.GetRequiredService<SignedLinks>().CreateToken("p-browser", LinkPurpose.Preferences);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);

        var shown = await page.GotoAsync(new Uri(baseAddress, "api/preferences/" + link).ToString());
        Assert.Equal(200, shown!.Status);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Mes alertes sur les appels à projets", await page.TextContentAsync("h1"));
        Assert.True(await page.GetByLabel("Addictions", new() { Exact = true }).IsCheckedAsync());
        Assert.True(await page.GetByLabel("Finistère (29)").IsCheckedAsync()); // default from the person's structure
        await page.GetByLabel("Addictions", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Santé mentale").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes préférences" }).ClickAsync();

        Assert.Contains("Vos préférences sont enregistrées", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("Santé mentale").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Addictions", new() { Exact = true }).IsCheckedAsync());

        using var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Add("x-functions-key", KestrelLocalHost.AdminKey);
        Assert.Equal(0, await SubmitCallAsync(admin, "Appel fictif : addictions en MSP", "addictions"));
        Assert.Equal(1, await SubmitCallAsync(admin, "Appel fictif : santé mentale des jeunes", "sante-mentale"));
        var alerts = await Host.Services.GetRequiredService<IOutboxStore>().ListForRecipientAsync("p-browser", CancellationToken.None);
        var alert = Assert.Single(alerts);
        Assert.Contains("santé mentale des jeunes", alert.Email.Subject, StringComparison.Ordinal);
        Assert.Contains("thème Santé mentale", alert.Substitutions![EmailTokens.Reason], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_expired_link_gets_a_clear_French_page_not_an_error_dump()
    {
        var baseAddress = Host.BaseAddress;
        await Host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(Coordinator(), CancellationToken.None);
        var links = Host.Services.GetRequiredService<SignedLinks>();
        var valid = links.CreateToken("p-browser", LinkPurpose.Preferences);
        var forged = links.CreateToken("p-other", LinkPurpose.Preferences).Split('.')[0] + "." + valid.Split('.')[1];
        var page = await Chromium.NewPageAsync(Host.BaseAddress);

        var refused = await page.GotoAsync(new Uri(baseAddress, "api/preferences/" + forged).ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Ce lien n'est pas valide", await page.TextContentAsync("h1"));
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);

        Host.Clock.Advance(TimeSpan.FromDays(91));
        var expired = await page.GotoAsync(new Uri(baseAddress, "api/preferences/" + valid).ToString());
        Assert.Equal(410, expired!.Status);
        Assert.Equal("Ce lien a expiré", await page.TextContentAsync("h1"));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task The_unsubscribe_button_works_without_JavaScript_and_the_next_alert_is_not_planned()
    {
        var baseAddress = Host.BaseAddress;
        await Host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(Coordinator(), CancellationToken.None);
        var link = Host.Services.GetRequiredService<SignedLinks>().CreateToken("p-browser", LinkPurpose.Preferences);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);

        await page.GotoAsync(new Uri(baseAddress, "api/preferences/" + link).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Me désabonner de toutes les alertes" }).ClickAsync();

        Assert.Equal("Désabonnement confirmé", await page.TextContentAsync("h1"));
        using var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Add("x-functions-key", KestrelLocalHost.AdminKey);
        Assert.Equal(0, await SubmitCallAsync(admin, "Appel fictif : tabac", "addictions"));
    }
}
