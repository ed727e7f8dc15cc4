using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.BrowserTests.Web;
using AvecSante.IntegrationTests.Space;
using AvecSante.Tests.Shared;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Space;

/// <summary>
/// A coordinator's journey through the space in Debian's Chromium at phone width: ask for a link, open it from the
/// local outbox's .eml, the board with their calls first, a call, its .ics, a related sheet, its file. axe on every
/// page; screenshots at 360 and 1280 px in .local/screenshots/.
/// </summary>
public sealed class SpaceJourneyTests : BrowserTestBase
{
    private const string Email = "maelle.espace@example.org";
    private const string SheetFile = "trois-rivieres-souffle-libre.pdf";

    private HttpClient? _admin;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = new HttpClient { BaseAddress = Host.BaseAddress };
        _admin.DefaultRequestHeaders.Add("x-functions-key", KestrelLocalHost.AdminKey);
    }

    public override async Task DisposeAsync()
    {
        _admin?.Dispose();
        await base.DisposeAsync();
    }

    private async Task SubmitCallAsync(string title, string theme, string deadline, string department)
    {
        using var response = await _admin!.PostAsync(new Uri("api/calls", UriKind.Relative), JsonContent.Create(new
        {
            title,
            funder = theme == "addictions" ? "CPAM 29" : "ARS Bretagne",
            url = "https://www.example.org/appels/" + Uri.EscapeDataString(title),
            deadline,
            themes = new[] { theme },
            departments = new[] { department },
            summary = "Appel inventé pour les essais de l'espace.",
        }));
        response.EnsureSuccessStatusCode();
    }

    private async Task UploadSampleSheetAsync()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "documents", SheetFile)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", SheetFile);
        form.Add(new StringContent(await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "documents", SheetFile + ".json")), System.Text.Encoding.UTF8, "application/json"), "metadata");
        using var response = await _admin!.PostAsync(new Uri("api/documents", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Asks for a link on the sign-in page, lets the dispatcher send it, and returns it as read from the .eml.</summary>
    private async Task<string> AskForLinkAsync(IPage page)
    {
        await page.GotoAsync("api/espace/connexion");
        await page.GetByLabel("Adresse email").FillAsync(Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir mon lien de connexion" }).ClickAsync();
        Assert.Contains("un lien de connexion vient de lui être envoyé", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        using var dispatched = await _admin!.PostAsync(new Uri("api/notifications/dispatch", UriKind.Relative), null);
        dispatched.EnsureSuccessStatusCode();
        var link = SpaceMembers.SignInLinksSentTo(Path.Combine(Host.OutboxPath, "mail"), Email)[^1];
        // The link names the configured public address; the test's server listens on its own port.
        return link.PathAndQuery.TrimStart('/');
    }

    private static async Task CheckAsync(IPage page, string screenshot)
    {
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} is wider than the screen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, screenshot);
    }

    [Fact]
    public async Task A_coordinator_asks_for_a_link_opens_it_and_goes_from_the_board_to_a_call_its_calendar_a_sheet_and_its_file()
    {
        await SpaceMembers.CoordinatorAsync(_admin!, Email, 2026, ["addictions"]);
        await SubmitCallAsync("Prévention du tabac chez les jeunes (fictif)", "addictions", "2026-12-14T12:00", "29");
        await SubmitCallAsync("Accompagnement des jeunes parents (fictif)", "perinatalite", "2027-01-08T18:00", "35");
        await UploadSampleSheetAsync();
        var page = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.PhoneWidth);

        await page.GotoAsync("api/espace/connexion");
        await CheckAsync(page, "espace-connexion-360");
        var link = await AskForLinkAsync(page);
        await page.GotoAsync(link);
        await CheckAsync(page, "espace-lien-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrer dans l'espace" }).ClickAsync();

        // The board: the call on the person's theme first, the other one after.
        Assert.EndsWith("/api/espace", page.Url, StringComparison.Ordinal);
        var forYou = page.Locator("h2#pour-vous + p + ul");
        Assert.Equal(["Prévention du tabac chez les jeunes (fictif)"], await forYou.Locator("h3").AllInnerTextsAsync());
        Assert.Contains("Accompagnement des jeunes parents (fictif)", await page.Locator("h2#autres + ul").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("lundi 14 décembre 2026 à 12:00 (heure de Paris), dans 21 jours", await forYou.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "espace-tableau-360");

        await forYou.GetByRole(AriaRole.Link, new() { Name = "Prévention du tabac chez les jeunes (fictif)", Exact = true }).ClickAsync();
        var callPath = new Uri(page.Url).PathAndQuery.TrimStart('/');
        Assert.Equal("Prévention du tabac chez les jeunes (fictif)", await page.InnerTextAsync("h1"));
        await CheckAsync(page, "espace-appel-360");
        var ics = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ajouter à mon agenda (.ics)" }).ClickAsync());
        var calendar = await File.ReadAllTextAsync((await ics.PathAsync())!);
        Assert.Equal("date-limite.ics", ics.SuggestedFilename);
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261214T110000Z", calendar, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Souffle libre") }).ClickAsync();
        Assert.Contains("Souffle libre", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var sheetPath = new Uri(page.Url).PathAndQuery.TrimStart('/');
        Assert.Contains("Binôme infirmière-pharmacienne", await page.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);
        await CheckAsync(page, "espace-fiche-360");
        var file = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Télécharger la fiche") }).ClickAsync());
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "documents", SheetFile)), await File.ReadAllBytesAsync((await file.PathAsync())!));

        await page.GetByRole(AriaRole.Link, new() { Name = "Bibliothèque d'expériences" }).ClickAsync();
        await page.GetByLabel("Mots").FillAsync("binome pharmacienne");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        Assert.Contains("1 fiche(s)", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync(page, "espace-bibliotheque-360");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon agenda" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon adresse d'abonnement" }).ClickAsync();
        Assert.StartsWith("webcal://", await page.GetByRole(AriaRole.Link, new() { Name = "S'abonner dans mon agenda" }).GetAttributeAsync("href"), StringComparison.Ordinal);
        await CheckAsync(page, "espace-agenda-360");

        // The same pages on a desktop screen, with the same session.
        var desktop = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.DesktopWidth);
        await desktop.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        foreach (var (path, name) in new[] { ("api/espace", "tableau"), (callPath, "appel"), (sheetPath, "fiche"), ("api/espace/bibliotheque", "bibliotheque"), ("api/espace/agenda", "agenda") })
        {
            await desktop.GotoAsync(path);
            await CheckAsync(desktop, $"espace-{name}-1280");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.GotoAsync("api/espace");
        Assert.Contains("/api/espace/connexion", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_link_and_an_expired_link_get_a_clear_French_page_that_offers_a_new_one()
    {
        await SpaceMembers.CoordinatorAsync(_admin!, Email, 2026, ["addictions"]);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.PhoneWidth);
        var used = await AskForLinkAsync(page);
        await page.GotoAsync(used);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrer dans l'espace" }).ClickAsync();

        var other = await Chromium.NewPageAsync(Host.BaseAddress, width: ChromiumBrowser.PhoneWidth);
        var again = await other.GotoAsync(used);
        Assert.Equal(410, again!.Status);
        Assert.Equal("Ce lien a déjà servi", await other.InnerTextAsync("h1"));
        await CheckAsync(other, "espace-lien-deja-utilise-360");

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await AskForLinkAsync(other);
        Assert.NotEqual(used, late);
        Host.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await other.GotoAsync(late);
        Assert.Equal(410, expired!.Status);
        Assert.Equal("Ce lien a expiré", await other.InnerTextAsync("h1"));
        Assert.Contains("ne fonctionnent que 30 minutes", await other.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync(other, "espace-lien-expire-360");
        await other.GetByRole(AriaRole.Link, new() { Name = "Recevoir un nouveau lien" }).ClickAsync();
        Assert.Contains("/api/espace/connexion", other.Url, StringComparison.Ordinal);
    }
}
