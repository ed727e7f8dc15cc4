using System.Text;

using AvecSante.Api.Console;
using AvecSante.BrowserTests.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Alerts;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>
/// The console's Envois, Sources and Événements pages in Debian's chromium, JavaScript off: retry a failed send and send
/// it, read the sources now and see the one in error, create an event and import its attendance. axe on each page.
/// </summary>
public sealed class ConsoleOperationsJourneyTests() : BrowserTestBase(new KestrelLocalHost(UnreachableSource))
{
    /// <summary>A source nobody answers (the discard port of the machine itself): its run fails and says why.</summary>
    private static void UnreachableSource(IWebHostBuilder builder)
    {
        builder.UseSetting("Calls:AllowLoopbackSources", "true");
        builder.UseSetting("Calls:TimeoutSeconds", "5");
        builder.UseSetting("Calls:MinMillisecondsBetweenRequests", "0");
        builder.UseSetting("Calls:Sources:flux-en-panne:Kind", "Rss");
        builder.UseSetting("Calls:Sources:flux-en-panne:Url", "http://127.0.0.1:9/flux.xml");
        builder.UseSetting("Calls:Sources:flux-en-panne:Funder", "Financeur fictif");
    }

    private async Task<IPage> SignedInPageAsync(string who)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, who);
        return page;
    }

    /// <summary>axe runs as script: the page is checked again at the same address in a context with JavaScript on.</summary>
    private async Task AssertAccessibleAsync(string who, string path)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(page, who);
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path}: {response.Status}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_staff_member_retries_a_failed_send_sends_it_and_the_audit_trail_names_her()
    {
        var outbox = Host.Services.GetRequiredService<IOutboxStore>();
        var now = Host.Clock.GetUtcNow();
        var failed = FailedSends.TicketConfirmation("console-retry", "attendee-console", "maelle.exemple@example.org", "Maëlle Exemple", now, TimeSpan.FromHours(3));
        Assert.True(await outbox.TryEnqueueAsync(failed, CancellationToken.None));
        var page = await SignedInPageAsync("Camille Exemple");

        await page.GetByRole(AriaRole.Link, new() { Name = "Voir et réessayer les envois en échec" }).ClickAsync(); // from Aujourd'hui
        Assert.Equal("En échec (1)", await page.TextContentAsync("h2#echecs"));
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Confirmation d'inscription" });
        Assert.Contains("Maëlle Exemple (…@example.org)", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Service indisponible (503).", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("maelle.exemple@example.org", await page.ContentAsync(), StringComparison.Ordinal); // the address is masked
        await Screenshots.SaveAsync(page, "console-envois");

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Réessayer") }).ClickAsync();
        Assert.Contains("remis en file", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("En échec (0)", await page.TextContentAsync("h2#echecs"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" }).ClickAsync();
        Assert.Equal("Envoi effectué : 1 parti(s), 0 reporté(s), 0 en échec, 0 annulé(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Single(Directory.GetFiles(Host.OutboxPath, "*.eml", SearchOption.AllDirectories));
        Assert.Contains(await outbox.ListAsync(OutboxStatus.Sent, CancellationToken.None), m => m.Id == failed.Id);

        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(failed.Id, 1, CancellationToken.None);
        var entry = Assert.Single(audit);
        Assert.Equal(("staff:camille.exemple@example.org", OutboxRetry.AuditAction), (entry.Actor, entry.Action));
        await AssertAccessibleAsync("Camille Exemple", "api/console/envois");
    }

    [Fact]
    public async Task Reading_the_sources_now_shows_the_one_in_error_with_its_error()
    {
        var page = await SignedInPageAsync("Nolwenn Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { HasText = "flux-en-panne" });
        Assert.Contains("jamais lue", await row.TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lire toutes les sources maintenant" }).ClickAsync();
        Assert.StartsWith("Lecture terminée : 1 source(s) lue(s), 1 en erreur", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("en erreur", await row.Locator("td").First.TextContentAsync());
        Assert.NotEqual("—", (await row.Locator("td").Last.TextContentAsync())?.Trim()); // the last error, said
        await Screenshots.SaveAsync(page, "console-sources");
        await AssertAccessibleAsync("Nolwenn Exemple", "api/console/sources");
    }

    [Fact]
    public async Task A_staff_member_creates_an_event_follows_its_registrations_and_imports_the_attendance_sheet()
    {
        var page = await SignedInPageAsync("Gaëlle Exemple");
        await page.GetByRole(AriaRole.Link, new() { Name = "Événements", Exact = true }).ClickAsync();
        await page.GetByLabel("Titre").FillAsync("Journée régionale 2027 (fictive)");
        await page.GetByLabel("Type").SelectOptionAsync(EventKinds.JourneeRegionale);
        await page.GetByLabel("Début").FillAsync("2027-03-18T09:30");
        await page.GetByLabel("Fin").FillAsync("2027-03-18T17:00");
        await page.GetByLabel("Lieu").FillAsync("Pacé");
        await page.GetByLabel("Jauge").FillAsync("1");
        await page.GetByLabel("Tarifs").FillAsync("Adhérent : 25\nNon adhérent : quarante"); // a price that is not one
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'événement" }).ClickAsync();
        Assert.Contains("quarante", await page.GetByRole(AriaRole.Alert).TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Journée régionale 2027 (fictive)", await page.GetByLabel("Titre").InputValueAsync()); // what was typed stays
        await page.GetByLabel("Tarifs").FillAsync("Adhérent : 25\nNon adhérent : 40,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'événement" }).ClickAsync();

        Assert.Equal("Journée régionale 2027 (fictive)", await page.TextContentAsync("h1"));
        Assert.Equal("Événement créé.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        var id = page.Url.Split('/')[^1].Split('?')[0];
        var value = (await Host.Services.GetRequiredService<IEventRepository>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal([new EventPrice("Adhérent", 2500), new EventPrice("Non adhérent", 4050)], value.Prices);

        // Two registrations for one seat: the second waits.
        var tickets = Host.Services.GetRequiredService<ITicketStore>();
        foreach (var (n, first, last, cents) in new[] { (1, "Maëlle", "Exemple", 2500L), (2, "Yann", "Exemple", 4050L) })
        {
            await tickets.EnsureAsync(value, new Ticket
            {
                Key = Ticket.KeyFor(TicketSources.Webhook, $"console-{n}"),
                EventId = value.Id,
                Source = TicketSources.Webhook,
                ExternalId = $"console-{n}",
                Attendee = new Attendee(first, last, $"{first.ToLowerInvariant()}.exemple@example.org"),
                StructureName = "MSP de Pontivy (fictive)",
                TierName = cents == 2500 ? "Adhérent" : "Non adhérent",
                AmountCents = cents,
                CreatedAt = Host.Clock.GetUtcNow().AddMinutes(n),
            }, CancellationToken.None);
        }
        await page.ReloadAsync();
        var totals = await page.Locator("#totaux").TextContentAsync();
        Assert.Contains("1 confirmée(s) sur 1", totals, StringComparison.Ordinal);
        Assert.Contains("65,50 €", totals, StringComparison.Ordinal);
        Assert.Contains("Yann Exemple", await page.Locator("table").Filter(new() { HasText = "Liste d'attente, dans l'ordre" }).TextContentAsync(), StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger les inscriptions (CSV)" }).ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var presence = Array.IndexOf(lines[0].Split(';'), "présence");
        var filled = new[] { lines[0], Fill(lines[1], presence, "oui"), Fill(lines[2], presence, "peut-être") };
        var sheet = Path.Combine(Host.OutboxPath, "presences.csv");
        Directory.CreateDirectory(Host.OutboxPath);
        await File.WriteAllLinesAsync(sheet, filled, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        await page.GetByLabel("Fichier des présences (CSV)").SetInputFilesAsync(sheet);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les présences" }).ClickAsync();
        Assert.Equal("2 ligne(s) : 1 enregistrée(s), 0 inchangée(s), 1 refusée(s).", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal("1", await page.Locator("#totaux dt:text-is('Présents') + dd").TextContentAsync());
        Assert.Contains("illisible", await page.Locator("tbody tr").Filter(new() { HasText = "peut-être" }).TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "console-evenement");

        var audit = await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(value.Id, 1, CancellationToken.None);
        Assert.Equal(["created", "imported"], audit.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(audit, e => Assert.Equal("staff:gaelle.exemple@example.org", e.Actor));
        await AssertAccessibleAsync("Gaëlle Exemple", $"api/console/evenements/{value.Id}");
    }

    private static string Fill(string line, int column, string value)
    {
        var cells = line.Split(';');
        cells[column] = value;
        return string.Join(';', cells);
    }
}
