using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvecSante.IntegrationTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>
/// A Payment notification proves nothing: with API credentials a refund cancels only the items the HelloAsso API
/// (WireMock here) reports void; without them it is held for staff. No refund ever stores a placeholder ticket.
/// </summary>
public sealed class HelloAssoRefundTests : IAsyncLifetime, IDisposable
{
    private const string FormSlug = "journee-regionale-2027";
    private const string OrderPath = "/v5/orders/700000001";
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly LocalHostFactory _host = new();

    public HelloAssoRefundTests() => _host.SetTicketingSecrets();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host.Dispose();
        _api.Stop();
        _api.Dispose();
    }

    private void UseApi()
    {
        _host.UseHelloAssoApi(_api);
        _api.ServeHelloAssoToken();
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", name));

    /// <summary>The demo order as the API returns it, with item 700000002 in <paramref name="secondItemState"/>.</summary>
    private static string ApiOrder(string secondItemState)
    {
        var data = JsonNode.Parse(Sample("demo-order-journee-regionale.json"))!["data"]!.DeepClone().AsObject();
        data["items"]![1]!["state"] = secondItemState;
        return data.ToJsonString();
    }

    /// <summary>A forged refund: the demo refund's shape, naming any item id.</summary>
    private static byte[] Refund(long itemId)
    {
        var root = JsonNode.Parse(Sample("demo-payment-refunded.json"))!.AsObject();
        root["data"]!["items"]![0]!["id"] = itemId;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private void ServeOrder(int status, string body) =>
        _api.Given(Request.Create().WithPath(OrderPath).UsingGet().WithHeader("Authorization", "Bearer token-1"))
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

    private async Task<Dictionary<string, string>> StatusesAsync(string eventId) =>
        (await _host.RegistrationsAsync(eventId)).GetProperty("registrations").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ticketKey").GetString()!, r => r.GetProperty("status").GetString()!);

    private async Task<JsonElement> PostAsync(byte[] body)
    {
        using var response = await _host.PostHelloAssoAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await _host.DeliveryAsync(response);
    }

    private async Task<JsonElement> HeldAsync()
    {
        using var admin = _host.CreateAdminClient();
        return await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/ticketing/refunds", UriKind.Relative));
    }

    [Fact]
    public async Task A_forged_refund_of_an_item_the_api_reports_paid_cancels_nothing()
    {
        UseApi();
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(200, ApiOrder("Processed"));
        await PostAsync(Sample("demo-order-journee-regionale.json"));

        var answer = await PostAsync(Sample("demo-payment-refunded.json"));

        Assert.Equal("ignored", answer.GetProperty("status").GetString());
        Assert.All((await StatusesAsync(eventId)).Values, s => Assert.Equal("confirmed", s));
        Assert.Contains(_api.LogEntries, e => e.RequestMessage.Path == OrderPath);
    }

    [Fact]
    public async Task A_refund_the_api_confirms_cancels_that_item_only()
    {
        UseApi();
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(200, ApiOrder("Processed"));
        await PostAsync(Sample("demo-order-journee-regionale.json"));
        _api.ResetMappings();
        UseApi();
        ServeOrder(200, ApiOrder("Refunded"));

        // The genuine refund names item 700000002; a forged twist adds 700000001, which the API reports paid.
        var root = JsonNode.Parse(Sample("demo-payment-refunded.json"))!.AsObject();
        root["data"]!["items"]!.AsArray().Add(JsonNode.Parse("""{"id":700000001,"amount":2500,"type":"Registration","state":"Refunded"}"""));
        var answer = await PostAsync(Encoding.UTF8.GetBytes(root.ToJsonString()));

        Assert.Equal("processed", answer.GetProperty("status").GetString());
        Assert.Contains(", 1 annulé(s)", answer.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        var statuses = await StatusesAsync(eventId);
        Assert.Equal("cancelled", statuses["helloasso~700000002"]);
        Assert.Equal("confirmed", statuses["helloasso~700000001"]);
        Assert.Equal("confirmed", statuses["helloasso~700000003"]);
    }

    [Fact]
    public async Task A_refund_of_a_future_item_plants_nothing_and_the_genuine_order_then_makes_its_ticket()
    {
        UseApi();
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(404, """{"errors":[{"code":"NotFound"}]}""");

        var answer = await PostAsync(Sample("demo-payment-refunded.json"));

        Assert.Equal("ignored", answer.GetProperty("status").GetString());
        Assert.Empty(await StatusesAsync(eventId));
        _api.ResetMappings();
        UseApi();
        ServeOrder(200, ApiOrder("Processed"));
        await PostAsync(Sample("demo-order-journee-regionale.json"));
        Assert.Equal("confirmed", (await StatusesAsync(eventId))["helloasso~700000002"]);
    }

    [Fact]
    public async Task Without_credentials_a_refund_is_held_for_staff_and_applied_only_by_them()
    {
        var eventId = await _host.CreateEventAsync(2, [FormSlug]);
        await PostAsync(Sample("demo-order-journee-regionale.json"));

        var answer = await PostAsync(Sample("demo-payment-refunded.json"));

        Assert.Equal("held", answer.GetProperty("status").GetString());
        Assert.Equal("confirmed", (await StatusesAsync(eventId))["helloasso~700000002"]);
        var held = Assert.Single((await HeldAsync()).EnumerateArray());
        var id = held.GetProperty("id").GetString()!;
        Assert.Equal(answer.GetProperty("id").GetString(), id);
        Assert.Equal("700000001", held.GetProperty("orderId").GetString());
        Assert.Equal("700000002", Assert.Single(held.GetProperty("items").EnumerateArray()).GetProperty("itemId").GetString());
        Assert.DoesNotContain("example.org", held.GetRawText(), StringComparison.Ordinal);

        using var admin = _host.CreateAdminClient();
        using var applied = await admin.PostAsync(new Uri($"/api/ticketing/refunds/{id}/apply", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var statuses = await StatusesAsync(eventId);
        Assert.Equal("cancelled", statuses["helloasso~700000002"]);
        Assert.Equal("confirmed", statuses["helloasso~700000003"]); // the waitlisted one got the freed seat
        Assert.Empty((await HeldAsync()).EnumerateArray());
        using var again = await admin.PostAsync(new Uri($"/api/ticketing/refunds/{id}/apply", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_credentials_a_refund_of_a_future_item_is_held_and_the_order_still_makes_its_ticket()
    {
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);

        var answer = await PostAsync(Refund(700000002));
        Assert.Equal("held", answer.GetProperty("status").GetString());
        Assert.Empty(await StatusesAsync(eventId));

        var order = await PostAsync(Sample("demo-order-journee-regionale.json"));
        Assert.Contains(" : 3 créé(s)", order.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("confirmed", (await StatusesAsync(eventId))["helloasso~700000002"]);
    }

    [Fact]
    public async Task Without_credentials_an_order_naming_a_cancelled_item_does_not_cancel_the_ticket()
    {
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);
        await PostAsync(Sample("demo-order-journee-regionale.json"));
        var forged = JsonNode.Parse(Sample("demo-order-journee-regionale.json"))!.AsObject();
        forged["data"]!["items"]![1]!["state"] = "Canceled";
        forged["data"]!["meta"] = JsonNode.Parse("""{"note":"other bytes, other delivery"}""");

        await PostAsync(Encoding.UTF8.GetBytes(forged.ToJsonString()));

        Assert.Equal("confirmed", (await StatusesAsync(eventId))["helloasso~700000002"]);
    }

    [Fact]
    public async Task A_dismissed_refund_leaves_the_tickets_and_the_list()
    {
        var eventId = await _host.CreateEventAsync(null, [FormSlug]);
        await PostAsync(Sample("demo-order-journee-regionale.json"));
        var id = (await PostAsync(Sample("demo-payment-refunded.json"))).GetProperty("id").GetString();

        using var admin = _host.CreateAdminClient();
        using var dismissed = await admin.PostAsync(new Uri($"/api/ticketing/refunds/{id}/dismiss", UriKind.Relative), null);
        using var unknown = await admin.PostAsync(new Uri("/api/ticketing/refunds/ha-0000/apply", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await HeldAsync()).EnumerateArray());
        Assert.All((await StatusesAsync(eventId)).Values, s => Assert.Equal("confirmed", s));
    }
}
