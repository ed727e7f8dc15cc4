using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvecSante.Api.Ticketing;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>
/// With HelloAsso API credentials, an Order notification is re-read from the API (WireMock here) before it is trusted:
/// the API's items are processed, an order the API does not know is ignored, and the API being down leaves the
/// delivery to the sweeper.
/// </summary>
public sealed class HelloAssoOrderReReadTests : HelloAssoApiTestBase
{
    /// <summary>The demo order's data: items 700000001 (25 €), 700000002 (25 €), 700000003 (40 €).</summary>
    private static JsonObject ApiOrder() =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json")))!["data"]!.DeepClone().AsObject();

    /// <summary>A notification claiming the same order id, but with one item of its own (a free seat for someone else).</summary>
    private static byte[] ForgedNotification()
    {
        var data = ApiOrder();
        data["items"] = new JsonArray(JsonNode.Parse("""
            { "name": "Adhérent", "user": { "firstName": "Faux", "lastName": "Participant" }, "priceCategory": "Fixed",
              "customFields": [ { "id": 1, "name": "Email du participant", "type": "TextInput", "answer": "faux.participant@example.org" } ],
              "id": 799999999, "amount": 0, "type": "Registration", "state": "Processed" }
            """));
        return Encoding.UTF8.GetBytes(new JsonObject { ["eventType"] = "Order", ["data"] = data }.ToJsonString());
    }

    /// <summary>The acknowledgement's status, and the delivery as GET ticketing/deliveries/{id} shows it once the queue ran.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Delivery)> PostAsync(byte[] body)
    {
        using var response = await Host.PostHelloAssoAsync(body);
        return (response.StatusCode, await Host.DeliveryAsync(response));
    }

    private async Task<List<JsonElement>> RegistrationsAsync(string eventId) =>
        (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").EnumerateArray().ToList();

    private void ServeOrder(int status, string? body = null) =>
        Api.Given(Request.Create().WithPath(OrderPath).UsingGet().WithHeader("Authorization", "Bearer token-1"))
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body ?? string.Empty));

    [Fact]
    public async Task A_forged_notification_creates_the_tickets_of_the_api_order_not_its_own()
    {
        var eventId = await Host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(200, ApiOrder().ToJsonString());

        var (status, answer) = await PostAsync(ForgedNotification());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("processed", answer.GetProperty("status").GetString());
        var registrations = await RegistrationsAsync(eventId);
        Assert.Equal(
            ["helloasso~700000001", "helloasso~700000002", "helloasso~700000003"],
            registrations.Select(r => r.GetProperty("ticketKey").GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(registrations, r => r.GetProperty("email").GetString() == "faux.participant@example.org");
        Assert.Equal(9000, registrations.Sum(r => r.GetProperty("amountCents").GetInt64()));
        Assert.Single(Api.LogEntries, e => e.RequestMessage.Path == OrderPath);
    }

    [Fact]
    public async Task An_order_unknown_to_the_api_creates_nothing_and_is_answered_ignored()
    {
        var eventId = await Host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(404, """{"errors":[{"code":"NotFound","message":"Order not found"}]}""");

        var (status, answer) = await PostAsync(ForgedNotification());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("ignored", answer.GetProperty("status").GetString());
        Assert.Empty(await RegistrationsAsync(eventId));
        var inbox = Host.Services.GetRequiredService<ITicketingInbox>();
        Assert.Equal(InboxStatus.Ignored, (await inbox.GetAsync(answer.GetProperty("id").GetString()!, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(0)] // unreachable: the API stopped
    public async Task With_the_api_down_the_delivery_is_acknowledged_retried_poisoned_and_left_to_the_sweeper(int apiStatus)
    {
        var eventId = await Host.CreateEventAsync(null, [FormSlug]);
        if (apiStatus == 0)
        {
            Api.Stop();
        }
        else
        {
            ServeOrder(apiStatus, """{"errors":[{"code":"Unavailable"}]}""");
        }

        var (status, answer) = await PostAsync(ForgedNotification());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("pending", answer.GetProperty("status").GetString());
        Assert.Empty(await RegistrationsAsync(eventId));
        var inbox = Host.Services.GetRequiredService<ITicketingInbox>();
        var deliveryId = answer.GetProperty("id").GetString()!;
        Assert.Equal(InboxStatus.Pending, (await inbox.GetAsync(deliveryId, CancellationToken.None))!.Status);
        // Each dequeue re-read the order and failed: after the host's five, the message is in the poison queue, for staff.
        using (var admin = Host.CreateAdminClient())
        {
            var poisoned = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/queues/poison", UriKind.Relative));
            var message = Assert.Single(poisoned.EnumerateArray());
            Assert.Equal("ProcessTicketingDelivery", message.GetProperty("function").GetString());
            Assert.Equal(deliveryId, message.GetProperty("message").GetProperty("inboxId").GetString());
        }
        if (apiStatus != 0)
        {
            Assert.InRange(Api.LogEntries.Count(e => e.RequestMessage.Path == OrderPath), 2, 5); // retried, at most maxDequeueCount times
        }
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(await inbox.ListUnfinishedAsync(Host.Clock.GetUtcNow() - TicketingInboxProcessor.Grace, CancellationToken.None), r => r.Id == deliveryId);

        if (apiStatus != 0)
        {
            // The API is back: the sweeper re-reads the order and creates the API's tickets.
            Api.ResetMappings();
            Api.ServeHelloAssoToken();
            ServeOrder(200, ApiOrder().ToJsonString());
            await Host.Services.GetRequiredService<SweepTicketingInboxJob>().RunAsync(CancellationToken.None);

            Assert.Equal(3, (await RegistrationsAsync(eventId)).Count);
            Assert.Equal(InboxStatus.Processed, (await inbox.GetAsync(deliveryId, CancellationToken.None))!.Status);
        }
    }
}
