using AvecSante.BrowserTests.Web;
using AvecSante.Core.Calls;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>
/// The Appels list a page at a time and the Aujourd'hui calls read through bounded queries, in Debian's chromium with
/// JavaScript off: the same calls in the same order as the whole list, the filters kept from page to page.
/// </summary>
public sealed class ConsoleCallListTests : BrowserTestBase
{
    private Task<bool> AddAsync(string id, string title, DateTimeOffset? deadline, DateTimeOffset createdAt, string department = "29", CallStatus status = CallStatus.Open) =>
        Host.Services.GetRequiredService<ICallRepository>().TryAddAsync(new CallForProjects
        {
            Id = id,
            Title = title,
            Funder = "CPAM 29",
            Deadline = deadline,
            Departments = [department],
            Status = status,
            Source = "essai",
            CreatedAt = createdAt,
        }, CancellationToken.None);

    private static async Task<IReadOnlyList<string>> TitlesAsync(IPage page) => await page.Locator("tbody tr td:first-child a").AllTextContentsAsync();

    [Fact]
    public async Task More_calls_than_a_page_the_next_page_is_reached_by_keyboard_and_the_filters_are_kept()
    {
        var now = Host.Clock.GetUtcNow();
        // 70 open calls in the Finistère (deadlines inserted in reverse so the list's order is the store's doing), a
        // closed one there and 30 in Ille-et-Vilaine that the filters leave out.
        for (var i = 69; i >= 0; i--)
        {
            await AddAsync($"fin-{i:D2}", $"Appel fictif du Finistère n°{i:D2}", now.AddDays(2 + i), now.AddDays(-10));
        }
        await AddAsync("fin-closed", "Appel fictif clos du Finistère", now.AddDays(1), now.AddDays(-10), status: CallStatus.Closed);
        for (var i = 0; i < 30; i++)
        {
            await AddAsync($"ille-{i:D2}", $"Appel fictif d'Ille-et-Vilaine n°{i:D2}", now.AddDays(1 + i), now.AddDays(-10), department: "35");
        }
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");

        await page.GotoAsync("api/console/appels");
        Assert.Equal("101 appel(s) ; page 1 sur 3 : appels 1 à 50.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        await page.GetByLabel("Statut").SelectOptionAsync("open");
        await page.GetByLabel("Département").SelectOptionAsync("29");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();

        Assert.Equal("70 appel(s) ; page 1 sur 2 : appels 1 à 50.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"Appel fictif du Finistère n°{i:D2}"), await TitlesAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Page précédente" }).CountAsync());

        // Tab through the page as a keyboard user does until the link to the next page has the focus, then Enter.
        var tabs = 0;
        while (await page.Locator(":focus").CountAsync() == 0 || await page.Locator(":focus").TextContentAsync() != "Page suivante")
        {
            Assert.True(++tabs < 200, "the link to the next page is never reached with Tab");
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("/api/console/appels?statut=open&departement=29&page=2", await page.Locator(":focus").GetAttributeAsync("href"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Host.BaseAddress, "api/console/appels?statut=open&departement=29&page=2").ToString());

        Assert.Equal("70 appel(s) ; page 2 sur 2 : appels 51 à 70.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal(Enumerable.Range(50, 20).Select(i => $"Appel fictif du Finistère n°{i:D2}"), await TitlesAsync(page));
        Assert.Equal("open", await page.GetByLabel("Statut").InputValueAsync());
        Assert.Equal("29", await page.GetByLabel("Département").InputValueAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Page suivante" }).CountAsync());
        await Screenshots.SaveAsync(page, "console-appels-page-2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Page précédente" }).ClickAsync();
        Assert.Equal("70 appel(s) ; page 1 sur 2 : appels 1 à 50.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal("29", await page.GetByLabel("Département").InputValueAsync());

        // A page past the end (an old bookmark) shows the last one.
        await page.GotoAsync("api/console/appels?statut=open&departement=29&page=9");
        Assert.Equal("70 appel(s) ; page 2 sur 2 : appels 51 à 70.", await page.GetByRole(AriaRole.Status).TextContentAsync());

        var checkedPage = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(checkedPage, "Camille Exemple");
        await checkedPage.GotoAsync("api/console/appels?statut=open&departement=29&page=2");
        await Accessibility.AssertNoSeriousViolationsAsync(checkedPage);
    }

    [Fact]
    public async Task A_filter_keeping_one_page_shows_no_page_links()
    {
        var now = Host.Clock.GetUtcNow();
        await AddAsync("soon", "Appel fictif proche", now.AddDays(5), now.AddDays(-3));
        await AddAsync("later", "Appel fictif lointain", now.AddDays(40), now.AddDays(-3));
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");

        await page.GotoAsync("api/console/appels?jours=30");

        Assert.Equal("1 appel(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal(["Appel fictif proche"], await TitlesAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages de la liste des appels" }).CountAsync());
    }

    [Fact]
    public async Task Aujourd_hui_lists_the_open_calls_received_since_the_last_working_day_and_those_closing_within_14_days()
    {
        // The host's clock: Monday 23 November 2026, 9h30 in Paris; the last working day is Friday 20 November.
        var now = Host.Clock.GetUtcNow();
        var friday = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(1));
        await AddAsync("new-friday", "Reçu vendredi matin", now.AddDays(60), friday);
        await AddAsync("new-today", "Reçu ce matin", null, now.AddHours(-1));
        await AddAsync("thursday", "Reçu jeudi soir", now.AddDays(70), friday.AddTicks(-1));
        await AddAsync("new-held", "Reçu vendredi, à vérifier", now.AddDays(3), friday.AddHours(10), status: CallStatus.ToReview);
        await AddAsync("closes-in-10", "Se clôt dans dix jours", now.AddDays(10), now.AddDays(-30));
        await AddAsync("closes-in-2", "Se clôt dans deux jours", now.AddDays(2), now.AddDays(-30));
        await AddAsync("closes-in-15", "Se clôt dans quinze jours", now.AddDays(15), now.AddDays(-30));
        await AddAsync("closed-yesterday", "Clos hier", now.AddDays(-1), now.AddDays(-30));
        await AddAsync("closed-in-5", "Clos, date dans cinq jours", now.AddDays(5), now.AddDays(-30), status: CallStatus.Closed);
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);

        await ConsoleJourneyTests.SignInAsync(page, "Camille Exemple");

        var cards = page.Locator(".card");
        Assert.Equal(["Reçu ce matin", "Reçu vendredi matin"], await cards.Nth(0).Locator("li a").AllTextContentsAsync());
        Assert.Contains("Depuis le vendredi 20 novembre : 2", await cards.Nth(0).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["Se clôt dans deux jours", "Se clôt dans dix jours"], await cards.Nth(1).Locator("li a").AllTextContentsAsync());
    }
}
