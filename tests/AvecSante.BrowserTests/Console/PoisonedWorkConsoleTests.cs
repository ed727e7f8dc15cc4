using System.Text.Json;

using AvecSante.Api.Console;
using AvecSante.Api.Jobs;
using AvecSante.Api.Web;
using AvecSante.BrowserTests.Web;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Storage;
using AvecSante.Infrastructure.Ticketing;

using Azure.Storage.Queues.Models;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AvecSante.BrowserTests.Console;

/// <summary>
/// « Traitements en échec » on Envois in Debian's chromium, JavaScript off: work a queue function gave up on is said in
/// French, « Relancer » puts it back on its queue, and an id already retried or malformed gets a French notice. The
/// queue functions do not poll here, so what « Relancer » put back stays on its queue to be checked.
/// </summary>
public sealed class PoisonedWorkConsoleTests() : BrowserTestBase(new KestrelLocalHost(QueuesNotPolled))
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static void QueuesNotPolled(IWebHostBuilder builder)
    {
        foreach (var function in AvecSante.Api.FunctionCatalog.Queues)
        {
            builder.UseSetting($"AzureWebJobs.{function.Name}.Disabled", "true");
        }
    }

    private WorkQueues Queues => Host.Services.GetRequiredService<WorkQueues>();

    /// <summary>Puts a message in a poison queue as the host would: the JSON the app sends, Base64 as WorkQueues sends it.</summary>
    private async Task<SendReceipt> PoisonAsync<T>(string queueSetting, T value)
    {
        var poison = await Queues.GetPoisonQueueAsync(queueSetting, CancellationToken.None);
        return (await poison.SendMessageAsync(JsonSerializer.Serialize(value, Web))).Value;
    }

    private async Task<IPage> EnvoisAsync(string who)
    {
        var page = await Chromium.NewPageAsync(Host.BaseAddress, javaScript: false);
        await ConsoleJourneyTests.SignInAsync(page, who);
        await page.GotoAsync("api/console/envois");
        return page;
    }

    [Fact]
    public async Task A_staff_member_sees_poisoned_work_in_french_and_puts_a_delivery_back_on_its_queue()
    {
        var now = Host.Clock.GetUtcNow(); // 23 November 2026, 08:30 UTC
        var delivery = new TicketingDelivery("ha-0123456789abcdef0123456789abcdef01234567", TicketSources.HelloAsso, "helloasso/2026/11/23/delivery.json", "0123abcd", now);
        var compile = new ReportCompileRequest(2026, "compile-console-1", "manual", NotifyBoard: false, now.AddMinutes(5));
        var putAside = await PoisonAsync(QueuedTicketingDeliveries.QueueSetting, delivery);
        await PoisonAsync(QueuedReportCompiles.QueueSetting, compile);
        var page = await EnvoisAsync("Camille Exemple");

        Assert.Equal("Traitements en échec (2)", await page.TextContentAsync("h2#traitements"));
        var rows = page.Locator("tbody tr");
        var deliveryRow = rows.Filter(new() { HasText = "Billetterie" });
        Assert.Equal(
            "Billetterie : livraison HelloAsso reçue le 23 novembre 2026 à 09h30, identifiant ha-0123456789abcdef0123456789abcdef01234567",
            (await deliveryRow.Locator("td").First.TextContentAsync())?.Trim());
        Assert.Equal("Rapport d'activité 2026 : compilation demandée le 23 novembre 2026 à 09h35",
            (await rows.Filter(new() { HasText = "Rapport d'activité" }).Locator("td").First.TextContentAsync())?.Trim());
        Assert.Equal(ConsoleFormat.Day(putAside.InsertionTime), (await deliveryRow.Locator("td").Nth(1).TextContentAsync())?.Trim()); // Paris time
        Assert.DoesNotContain(delivery.BlobName, await page.ContentAsync(), StringComparison.Ordinal); // nothing raw shown
        await Screenshots.SaveAsync(page, "console-envois-traitements");

        await deliveryRow.GetByRole(AriaRole.Button, new() { Name = "Relancer : Billetterie", Exact = false }).ClickAsync();
        Assert.EndsWith("/api/console/envois?traitement=relance", page.Url, StringComparison.Ordinal);
        Assert.Equal("Le traitement est remis en file : il sera repris dans quelques instants.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal("Traitements en échec (1)", await page.TextContentAsync("h2#traitements"));
        Assert.Empty(await Queues.PeekPoisonAsync(QueuedTicketingDeliveries.QueueSetting, CancellationToken.None));
        var queue = await Queues.GetQueueAsync(QueuedTicketingDeliveries.QueueSetting, CancellationToken.None);
        var requeued = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(delivery, QueuedTicketingDeliveries.Read(requeued.Body.ToString()));
        Assert.Single(await Queues.PeekPoisonAsync(QueuedReportCompiles.QueueSetting, CancellationToken.None)); // the other stays
        var entry = Assert.Single(await Host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(putAside.MessageId, 1, CancellationToken.None));
        Assert.Equal(("staff:camille.exemple@example.org", "retried", "queue", "ProcessTicketingDelivery"), (entry.Actor, entry.Action, entry.EntityKind, entry.Note));

        var reportQueue = await Queues.GetQueueAsync(QueuedReportCompiles.QueueSetting, CancellationToken.None);
        await page.GetByRole(AriaRole.Button, new() { Name = "Relancer : Rapport d'activité 2026", Exact = false }).ClickAsync();
        Assert.Equal("Traitements en échec (0)", await page.TextContentAsync("h2#traitements"));
        Assert.Equal("Aucun traitement en échec.", await page.Locator("h2#traitements + p").TextContentAsync());
        Assert.Equal(compile, QueuedReportCompiles.Read(Assert.Single((await reportQueue.PeekMessagesAsync(32)).Value).Body.ToString()));
        await AssertAccessibleAsync("Camille Exemple");
    }

    [Fact]
    public async Task Relancer_on_work_already_put_back_or_with_a_malformed_id_says_so_in_french_and_moves_nothing()
    {
        var delivery = new TicketingDelivery("wh-89abcdef0123456789abcdef0123456789abcdef", TicketSources.Webhook, "webhook/2026/11/23/submission.json", "89abcdef", Host.Clock.GetUtcNow());
        var id = (await PoisonAsync(QueuedTicketingDeliveries.QueueSetting, delivery)).MessageId;
        var page = await EnvoisAsync("Nolwenn Exemple");
        var row = page.Locator("tbody tr").Filter(new() { HasText = "livraison du webhook d'inscription reçue le 23 novembre 2026 à 09h30" });
        Assert.Equal(1, await row.CountAsync());

        // Someone else put it back meanwhile (the keyed API here): this page's « Relancer » finds nothing to move.
        Assert.NotNull(await Host.Services.GetRequiredService<PoisonedWork>().RetryAsync(id, CancellationToken.None));
        await row.GetByRole(AriaRole.Button, new() { Name = "Relancer" }).ClickAsync();
        Assert.Equal("Ce traitement n'est plus en échec (déjà relancé) : rien n'a été fait.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Equal("Aucun traitement en échec.", await page.Locator("h2#traitements + p").TextContentAsync());
        var queue = await Queues.GetQueueAsync(QueuedTicketingDeliveries.QueueSetting, CancellationToken.None);
        Assert.Single((await queue.PeekMessagesAsync(32)).Value); // put back once, not twice

        // A malformed id, posted with this person's form token: a French notice, not a 500.
        var token = await page.Locator($"input[name={CsrfTokens.FieldName}]").First.GetAttributeAsync("value");
        var malformed = await page.APIRequest.PostAsync("api/console/envois/traitements/pas-un-guid/relancer",
            new() { Form = page.APIRequest.CreateFormData().Set(CsrfTokens.FieldName, token!), MaxRedirects = 0 });
        Assert.Equal(303, malformed.Status);
        await page.GotoAsync(malformed.Headers["location"].TrimStart('/'));
        Assert.Equal("Ce traitement n'existe pas (identifiant invalide) : rien n'a été fait.", await page.GetByRole(AriaRole.Status).TextContentAsync());
        Assert.Single((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_poison_queue_longer_than_one_peek_says_only_its_first_messages_are_shown()
    {
        for (var n = 0; n <= WorkQueues.MaxPeek; n++)
        {
            await PoisonAsync(QueuedReportCompiles.QueueSetting, new ReportCompileRequest(2026, $"compile-{n}", "manual", NotifyBoard: false, Host.Clock.GetUtcNow()));
        }
        var page = await EnvoisAsync("Gaëlle Exemple");

        Assert.Equal(WorkQueues.MaxPeek, await page.Locator("tbody tr").Filter(new() { HasText = "Rapport d'activité 2026" }).CountAsync());
        Assert.Equal($"Les {WorkQueues.MaxPeek} premiers de chaque file sont affichés ; relancez-les pour voir les suivants.",
            await page.Locator("h2#traitements ~ p.notice").TextContentAsync());
    }

    /// <summary>axe runs as script: the page is checked again in a context with JavaScript on.</summary>
    private async Task AssertAccessibleAsync(string who)
    {
        await PoisonAsync(QueuedTicketingDeliveries.QueueSetting, new TicketingDelivery("ha-fedcba9876543210fedcba9876543210fedcba98", TicketSources.HelloAsso, "helloasso/x.json", "fedcba98", Host.Clock.GetUtcNow()));
        var page = await Chromium.NewPageAsync(Host.BaseAddress);
        await ConsoleJourneyTests.SignInAsync(page, who);
        var response = await page.GotoAsync("api/console/envois");
        Assert.True(response!.Ok, $"envois: {response.Status}");
        Assert.Equal("Traitements en échec (1)", await page.TextContentAsync("h2#traitements"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
