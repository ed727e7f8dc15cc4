using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AvecSante.Infrastructure.Ticketing;
using AvecSante.IntegrationTests.Members;
using AvecSante.IntegrationTests.Support;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>GDPR and ticketing through the LocalHost app on Azurite: the export lists a person's tickets, the erasure blanks them and redacts the raw payloads.</summary>
public sealed class TicketingPersonalDataTests : TicketingHostTests
{
    // Maëlle Le Gall (p-0001 of samples/people.json) pays the order and attends; Yann and Louise are two other attendees.
    private const string PersonId = "p-0001";
    private const string Email = "maelle.legall@example.org";
    private const string OtherEmail = "yann.kerbrat@example.org";

    private async Task PostHelloAssoAsync(byte[] body)
    {
        using var response = await Host.PostHelloAssoAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("processed", (await Host.DeliveryAsync(response)).GetProperty("status").GetString());
    }

    private async Task<JsonElement> SummaryAsync(string eventId) => (await Host.RegistrationsAsync(eventId)).GetProperty("summary");

    [Fact]
    public async Task The_export_lists_the_persons_tickets_and_the_erasure_blanks_them_and_redacts_the_raw_payload_while_the_totals_stay()
    {
        using var admin = Host.CreateAdminClient();
        // Capacity 2 for three attendees: one is waitlisted, so the seat counter is part of what must not move.
        var eventId = await Host.CreateEventAsync(capacity: 2, ["journee-regionale-2027"], title: "Journée régionale 2027 (RGPD)");
        var body = await File.ReadAllBytesAsync(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json"));
        await PostHelloAssoAsync(body);
        var before = await SummaryAsync(eventId);
        Assert.NotEmpty(await MemberStorageScan.FindAsync(Host.TablePrefix, Email));

        var export = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/members/people/{PersonId}/export", UriKind.Relative));
        var tickets = export.GetProperty("elsewhere").GetProperty("tickets");
        var ticket = Assert.Single(tickets.EnumerateArray());
        Assert.Equal(eventId, ticket.GetProperty("eventId").GetString());
        Assert.Equal("Journée régionale 2027 (RGPD)", ticket.GetProperty("eventTitle").GetString());
        Assert.Equal("confirmed", ticket.GetProperty("status").GetString());
        Assert.Equal(2500, ticket.GetProperty("amountCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("attended").ValueKind);
        Assert.Equal(Email, ticket.GetProperty("email").GetString());

        using var erased = await admin.DeleteAsync(new Uri($"/api/members/people/{PersonId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        // One ticket blanked and one raw payload redacted.
        Assert.Equal(2, (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetProperty("tickets").GetInt32());
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, Email));
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, "Le Gall"));
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, "Maëlle"));
        // The other attendees of the same order are untouched, in the tickets and in the raw payload.
        Assert.Contains(await MemberStorageScan.FindAsync(Host.TablePrefix, OtherEmail), f => f.StartsWith("blob ", StringComparison.Ordinal));
        Assert.Contains(await MemberStorageScan.FindAsync(Host.TablePrefix, OtherEmail), f => f.Contains(TableTicketStore.TableName, StringComparison.Ordinal));
        Assert.Contains(await MemberStorageScan.FindAsync(Host.TablePrefix, "Louise"), f => f.StartsWith("blob ", StringComparison.Ordinal));

        var after = await SummaryAsync(eventId);
        foreach (var figure in new[] { "confirmed", "waitlisted", "cancelled", "attended", "revenueCents", "linkedToPeople" })
        {
            Assert.Equal(before.GetProperty(figure).GetRawText(), after.GetProperty(figure).GetRawText());
        }
        var registrations = (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{eventId}/registrations", UriKind.Relative))).GetProperty("registrations");
        Assert.Equal(3, registrations.GetArrayLength());

        // The raw blob is marked redacted and keeps the SHA-256 of the bytes received.
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient((Host.TablePrefix + BlobRawPayloadArchive.ContainerName).ToLowerInvariant());
        var blobs = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
        {
            blobs.Add(item);
        }
        var raw = Assert.Single(blobs);
        Assert.Equal("true", raw.Metadata["redacted"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), raw.Metadata["sha256"]);
        var redacted = JsonDocument.Parse((await container.GetBlobClient(raw.Name).DownloadContentAsync()).Value.Content.ToArray()).RootElement;
        Assert.Equal("[effacé]", redacted.GetProperty("data").GetProperty("payer").GetProperty("email").GetString());
        Assert.Equal(2500, redacted.GetProperty("data").GetProperty("items")[0].GetProperty("amount").GetInt32());

        // A redelivery of the original bytes is a duplicate: it neither rewrites the blob nor creates a ticket.
        using var again = await Host.PostHelloAssoAsync(body);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, Email));
    }
}
