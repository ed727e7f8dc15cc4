using AvecSante.Api;
using AvecSante.Api.Console;
using AvecSante.Api.Jobs;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Ticketing;

namespace AvecSante.UnitTests.Console;

/// <summary>Poisoned work said in French from its own queue's message; what does not read is said so, nothing raw shown.</summary>
public sealed class PoisonedWorkLabelTests
{
    private static PoisonedMessage Message(string queueSetting, string json) =>
        new(FunctionCatalog.Queues.Single(f => f.QueueSetting == queueSetting), Guid.NewGuid().ToString(), DateTimeOffset.UnixEpoch, BinaryData.FromString(json));

    [Fact]
    public void A_webhook_delivery_says_its_sender_its_reception_in_Paris_time_and_its_inbox_id()
    {
        var message = Message(QueuedTicketingDeliveries.QueueSetting,
            """{"inboxId":"wh-0a1b","source":"webhook","blobName":"webhook/secret-name.json","sha256":"00ff","receivedAt":"2026-07-14T10:05:00+00:00"}""");

        Assert.Equal("Billetterie : livraison du webhook d'inscription reçue le 14 juillet 2026 à 12h05, identifiant wh-0a1b", PoisonedWorkLabel.Describe(message));
    }

    [Fact]
    public void A_report_compile_says_its_year_and_when_it_was_asked_for()
    {
        var message = Message(QueuedReportCompiles.QueueSetting,
            """{"year":2025,"requestId":"r-1","trigger":"manual","notifyBoard":true,"requestedAt":"2026-01-15T05:00:00+00:00"}""");

        Assert.Equal("Rapport d'activité 2025 : compilation demandée le 15 janvier 2026 à 06h00", PoisonedWorkLabel.Describe(message));
    }

    [Theory]
    [InlineData("pas du JSON {")]
    [InlineData("""{"inboxId":"","source":"helloasso","blobName":"helloasso/x.json"}""")]
    public void A_message_that_does_not_read_says_so_and_shows_none_of_it(string body)
    {
        var description = PoisonedWorkLabel.Describe(Message(QueuedTicketingDeliveries.QueueSetting, body));

        Assert.Equal("Billetterie : message illisible", description);
    }
}
