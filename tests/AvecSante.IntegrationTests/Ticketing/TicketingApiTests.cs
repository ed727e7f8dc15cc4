using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AvecSante.Api.Ticketing;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static AvecSante.IntegrationTests.Ticketing.TicketingRequests;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>Ticketing through the real LocalHost app on Azurite: HelloAsso notifications, the generic webhook, seats and emails.</summary>
public sealed class TicketingApiTests : TicketingHostTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", name));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<MimeMessage>> DispatchAndReadMailAsync()
    {
        using var admin = Host.CreateAdminClient();
        using var dispatched = await admin.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        return Directory.Exists(Host.MailFolder)
            ? Directory.GetFiles(Host.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    [Fact]
    public async Task Every_sample_notification_is_acknowledged_with_202_and_processed_from_the_queue()
    {
        await Host.CreateEventAsync(null, ["nantralpay", "vente-de-noel"]);

        var samples = Directory.GetFiles(RepositoryFiles.Path("samples", "helloasso"), "*.json");
        // An empty or moved folder must fail here, not pass with nothing checked.
        Assert.True(samples.Length >= 6, $"expected the HelloAsso samples in samples/helloasso, found {samples.Length}");
        foreach (var file in samples)
        {
            using var response = await Host.PostHelloAssoAsync(await File.ReadAllBytesAsync(file));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{Path.GetFileName(file)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var status = (await Host.DeliveryAsync(response)).GetProperty("status").GetString();
            Assert.True(status is "processed" or "ignored" or "held", $"{Path.GetFileName(file)}: {status}");
        }
    }

    [Fact]
    public async Task The_same_notification_twice_makes_one_ticket_per_item_and_one_confirmation_each()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        var body = Sample("order-event-nantralplatform-redacted.json");

        using var first = await Host.PostHelloAssoAsync(body);
        using var second = await Host.PostHelloAssoAsync(body);

        Assert.Equal("processed", (await Host.DeliveryAsync(first)).GetProperty("status").GetString());
        Assert.Equal("queued", JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("duplicate", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var registrations = await Host.RegistrationsAsync(eventId);
        Assert.Equal(2, registrations.GetProperty("registrations").GetArrayLength());
        Assert.Equal(100, registrations.GetProperty("summary").GetProperty("revenueCents").GetInt64());
        var mail = await DispatchAndReadMailAsync();
        Assert.Equal(["attendee1.redacted@example.org", "attendee2.redacted@example.org"], mail.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_order_with_new_bytes_but_the_same_items_still_makes_no_second_ticket()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        var body = Sample("order-event-nantralplatform-redacted.json");
        var reformatted = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement));

        using var first = await Host.PostHelloAssoAsync(body);
        using var second = await Host.PostHelloAssoAsync(reformatted);

        var outcome = (await Host.DeliveryAsync(second)).GetProperty("outcome").GetString();
        Assert.Contains(" 0 créé(s), 2 déjà connu(s)", outcome, StringComparison.Ordinal);
        Assert.Equal(2, (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength());
    }

    [Fact]
    public async Task A_wrong_or_missing_url_secret_is_refused_with_401()
    {
        var body = Sample("order-event-nantralplatform-redacted.json");

        using var wrong = await Host.PostHelloAssoAsync(body, secret: "not-the-secret-0123456789");
        using var missing = await Host.PostHelloAssoAsync(body, secret: string.Empty);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Envoi non authentifié.", (await ProblemAsync(wrong)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task With_a_signature_key_a_forged_signature_is_refused_and_the_right_one_accepted()
    {
        const string key = "partner-signature-key-0123456789";
        // The settings are read at start: a host of its own, started with a signature key.
        using var partner = new LocalHostFactory();
        partner.Settings["Ticketing:HelloAsso:UrlSecret"] = UrlSecret;
        partner.Settings["Ticketing:HelloAsso:SignatureKey"] = key;
        using var client = partner.CreateClient();
        var body = Sample("form-official-sample.json");
        async Task<HttpResponseMessage> PostAsync(string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/ticketing/helloasso?secret={UrlSecret}", UriKind.Relative)) { Content = JsonContent(body) };
            if (signature is not null)
            {
                request.Headers.Add(TicketingHandlers.HelloAssoSignatureHeader, signature);
            }
            return await client.SendAsync(request);
        }

        using var forged = await PostAsync(TicketingSignatures.HelloAssoSignature(body, "forged-signature-key-000000"));
        using var unsigned = await PostAsync(null);
        using var signed = await PostAsync(TicketingSignatures.HelloAssoSignature(body, key));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await ProblemAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_and_never_a_5xx()
    {
        using var malformed = await Host.PostHelloAssoAsync(Encoding.UTF8.GetBytes("{\"eventType\": \"Order\", \"data\": {"));
        using var notANotification = await Host.PostHelloAssoAsync(Encoding.UTF8.GetBytes("[1, 2, 3]"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Le corps de la requête n'est pas un JSON valide.", (await ProblemAsync(malformed)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notANotification.StatusCode);
        Assert.True((await ProblemAsync(notANotification)).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task The_raw_body_is_archived_in_blob_under_its_sha256_before_processing()
    {
        var body = Sample("payment-donation-devdocs.json");

        using var response = await Host.PostHelloAssoAsync(body, drain: false);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Acknowledged, not processed: nothing is claimed until the queue runs.
        var deliveryId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveryId").GetString()!;
        Assert.Null(await Host.Services.GetRequiredService<ITicketingInbox>().GetAsync(deliveryId, CancellationToken.None));
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient((Host.TablePrefix + "ticketing-raw").ToLowerInvariant());
        var stored = await container.GetBlobClient($"bretagne/helloasso/{sha}.json").DownloadContentAsync();
        Assert.Equal(body, stored.Value.Content.ToArray());
        Assert.Equal(sha, stored.Value.Details.Metadata["sha256"]);
    }

    [Fact]
    public async Task A_refund_frees_the_seat_and_the_first_waitlisted_person_gets_an_offer_email()
    {
        var eventId = await Host.CreateEventAsync(2, ["journee-regionale-2027"]);

        using var order = await Host.PostHelloAssoAsync(Sample("demo-order-journee-regionale.json"));
        var before = await Host.RegistrationsAsync(eventId);
        Assert.Equal(2, before.GetProperty("summary").GetProperty("confirmed").GetInt32());
        Assert.Equal(1, before.GetProperty("summary").GetProperty("waitlisted").GetInt32());

        // Without API credentials the refund is held; staff apply it once checked in the HelloAsso back office.
        using var refund = await Host.PostHelloAssoAsync(Sample("demo-payment-refunded.json"));
        var deliveryId = (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveryId").GetString();
        using var admin = Host.CreateAdminClient();
        using var applied = await admin.PostAsync(new Uri($"/api/ticketing/refunds/{deliveryId}/apply", UriKind.Relative), null);
        var outcome = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        Assert.Equal(1, outcome.GetProperty("cancelled").GetInt32());
        Assert.Equal(1, outcome.GetProperty("promoted").GetInt32());

        var after = await Host.RegistrationsAsync(eventId);
        var byEmail = after.GetProperty("registrations").EnumerateArray().ToDictionary(r => r.GetProperty("email").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal("confirmed", byEmail["maelle.legall@example.org"]);
        Assert.Equal("cancelled", byEmail["yann.kerbrat@example.org"]);
        Assert.Equal("confirmed", byEmail["louise.exemple@example.org"]);
        Assert.Equal(2, after.GetProperty("summary").GetProperty("confirmed").GetInt32());
        Assert.Equal(6500, after.GetProperty("summary").GetProperty("revenueCents").GetInt64());

        var mail = await DispatchAndReadMailAsync();
        var offer = Assert.Single(mail, m => m.Headers["X-AvecSante-Kind"] == TicketEmailComposer.SeatOfferKind);
        Assert.Equal("louise.exemple@example.org", offer.To.Mailboxes.Single().Address);
        Assert.StartsWith("Une place s'est libérée", offer.Subject, StringComparison.Ordinal);
        Assert.Single(mail, m => m.Headers["X-AvecSante-Kind"] == TicketEmailComposer.WaitlistedKind);
        var confirmations = mail.Where(m => m.Headers["X-AvecSante-Kind"] == TicketEmailComposer.ConfirmationKind).ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.All(confirmations.Append(offer), m => Assert.Contains(m.Attachments, a => a.ContentType.MimeType == "text/calendar"));
    }

    [Fact]
    public async Task Attendees_are_linked_to_the_people_of_the_directory_by_email()
    {
        var eventId = await Host.CreateEventAsync(null, ["journee-regionale-2027"]);

        using var _ = await Host.PostHelloAssoAsync(Sample("demo-order-journee-regionale.json"));

        var registrations = (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").EnumerateArray()
            .ToDictionary(r => r.GetProperty("email").GetString()!, r => r);
        Assert.Equal("p-0001", registrations["maelle.legall@example.org"].GetProperty("personId").GetString());
        Assert.Equal("MSP des Abers (fictive)", registrations["maelle.legall@example.org"].GetProperty("structureName").GetString());
        Assert.Equal(JsonValueKind.Null, registrations["louise.exemple@example.org"].GetProperty("personId").ValueKind);
    }

    [Fact]
    public async Task A_notification_for_an_unknown_form_is_acknowledged_and_ignored()
    {
        using var response = await Host.PostHelloAssoAsync(Sample("order-paymentform-official-sample.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ignored", (await Host.DeliveryAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_signed_generic_submission_registers_once_and_its_replay_is_refused_with_401()
    {
        var eventId = await Host.CreateEventAsync(null, ["bien-dans-ma-msp-2027"]);
        var json = $$"""{"submissionId":"sub-1","eventId":"{{eventId}}","attendees":[{"firstName":"Louise","lastName":"Exemple","email":"louise.exemple@example.org","amountCents":1500}]}""";

        using var first = await Host.PostWebhookAsync(json);
        using var replay = await Host.PostWebhookAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        await ProblemAsync(replay);
        Assert.Equal(1, (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength());
    }

    [Fact]
    public async Task A_generic_submission_forged_or_out_of_its_window_is_refused_with_401()
    {
        var json = """{"submissionId":"sub-2","formSlug":"x","attendees":[{"firstName":"Louise"}]}""";

        using var forged = await Host.PostWebhookAsync(json, key: "forged-webhook-key-0123456789");
        using var stale = await Host.PostWebhookAsync(json, at: Host.Clock.GetUtcNow().AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        await ProblemAsync(stale);
    }

    [Fact]
    public async Task The_registrations_export_as_csv_with_an_attendance_column()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        using var _ = await Host.PostHelloAssoAsync(Sample("order-event-nantralplatform-redacted.json"));
        using var admin = Host.CreateAdminClient();

        using var response = await admin.GetAsync(new Uri($"/api/events/{eventId}/registrations?format=csv", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("billet;statut;nom;prénom;email;structure;tarif;montant (€);présence;commande;source", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(";1,00;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_slug_already_sold_by_another_event_is_refused_with_409()
    {
        await Host.CreateEventAsync(null, ["journee-regionale-2027"]);
        using var admin = Host.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), new
        {
            title = "Autre journée",
            kind = "autre",
            start = "2027-04-01T09:00",
            end = "2027-04-01T12:00",
            formSlugs = new[] { "journee-regionale-2027" },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task The_sweeper_finishes_a_delivery_that_was_claimed_but_not_processed()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        var body = Sample("order-event-nantralplatform-redacted.json");
        // What a crash right after the claim leaves behind: the archive and a pending inbox record, no ticket.
        var archive = Host.Services.GetRequiredService<IRawPayloadArchive>();
        var (blobName, sha) = await archive.ArchiveAsync(TicketSources.HelloAsso, body, CancellationToken.None);
        var (inboxId, _) = TicketingInboxProcessor.Read(TicketSources.HelloAsso, body);
        var inbox = Host.Services.GetRequiredService<ITicketingInbox>();
        Assert.True(await inbox.TryClaimAsync(new InboxRecord { Id = inboxId, Source = TicketSources.HelloAsso, BlobName = blobName, ContentSha256 = sha, ReceivedAt = Host.Clock.GetUtcNow() }, CancellationToken.None));

        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Host.Services.GetRequiredService<SweepTicketingInboxJob>().RunAsync(CancellationToken.None);
        await Host.Services.GetRequiredService<SweepTicketingInboxJob>().RunAsync(CancellationToken.None);

        Assert.Equal(2, (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength());
        Assert.Equal(InboxStatus.Processed, (await inbox.GetAsync(inboxId, CancellationToken.None))!.Status);
    }
}
