using System.Net;
using System.Net.Http.Json;
using AvecSante.Api.Members;
using AvecSante.Infrastructure.Calls;
using AvecSante.Infrastructure.Storage;
using AvecSante.Infrastructure.Ticketing;
using AvecSante.IntegrationTests.Support;
using AvecSante.IntegrationTests.Ticketing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Members;

/// <summary>
/// Nothing kept forever: once past their Retention periods, sent emails lose address and bodies, finished raw
/// payloads and archived mailbox mail are deleted; what still serves (a refund held for staff) is kept.
/// </summary>
public sealed class RetentionPurgeTests : TicketingHostTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", name));

    private async Task<List<TableEntity>> SentAsync()
    {
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(Host.TablePrefix + "Outbox");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.GetString("Status") == "Sent"))
        {
            rows.Add(e);
        }
        return rows;
    }

    private async Task<List<string>> BlobsAsync(string container)
    {
        var client = await Host.Services.GetRequiredService<BlobStore>().GetContainerAsync(container, CancellationToken.None);
        var names = new List<string>();
        await foreach (var item in client.GetBlobsAsync())
        {
            names.Add(item.Name);
        }
        return names;
    }

    [Fact]
    public async Task Past_their_retention_sent_emails_raw_payloads_and_mailbox_mail_are_purged_and_a_held_refund_is_kept()
    {
        await Host.CreateEventAsync(null, ["journee-regionale-2027"]);
        using var order = await Host.PostHelloAssoAsync(Sample("demo-order-journee-regionale.json"));
        using var refund = await Host.PostHelloAssoAsync(Sample("demo-payment-refunded.json"));
        Assert.Equal("held", (await Host.DeliveryAsync(refund)).GetProperty("status").GetString());
        using (var admin = Host.CreateAdminClient())
        {
            using var dispatched = await admin.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        }
        var mailbox = await Host.Services.GetRequiredService<BlobStore>().GetContainerAsync(MailboxCallSource.ArchiveContainer, CancellationToken.None);
        await mailbox.GetBlobClient("bretagne/appels/mail-1/body.html").UploadAsync(BinaryData.FromString("<p>De : jeanne.exemple@example.org</p>"));
        var job = Host.Services.GetRequiredService<PurgeExpiredDataJob>();

        await job.RunAsync(CancellationToken.None); // all still young: nothing goes
        Assert.All(await SentAsync(), e => Assert.NotEmpty(e.GetString("ToAddress")));
        Assert.Equal(2, (await BlobsAsync(BlobRawPayloadArchive.ContainerName)).Count);
        Assert.Single(await BlobsAsync(MailboxCallSource.ArchiveContainer));

        Host.Clock.Advance(TimeSpan.FromDays(200));
        await job.RunAsync(CancellationToken.None);

        var sent = await SentAsync();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, e => Assert.Empty(e.GetString("ToAddress")));
        Assert.All(sent, e => Assert.Empty(e.GetString("TextBody")));
        Assert.All(sent, e => Assert.Null(e.GetString("Attachments")));
        var kept = Assert.Single(await BlobsAsync(BlobRawPayloadArchive.ContainerName)); // the held refund's
        var held = Assert.Single((await Host.Services.GetRequiredService<AvecSante.Core.Ticketing.ITicketingInbox>()
            .ListByStatusAsync(AvecSante.Core.Ticketing.InboxStatus.Held, CancellationToken.None)));
        Assert.Equal(held.BlobName, kept);
        Assert.Empty(await BlobsAsync(MailboxCallSource.ArchiveContainer));
        Assert.DoesNotContain(await MemberStorageScan.FindAsync(Host.TablePrefix, "louise.exemple@example.org"), f => !f.Contains("Tickets", StringComparison.OrdinalIgnoreCase));
    }
}
