using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.Api.Ticketing;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>The requests the ticketing tests make of a LocalHost app: an event to sell, deliveries, its registrations.</summary>
internal static class TicketingRequests
{
    public const string UrlSecret = "test-url-secret-0123456789";
    public const string SigningKey = "test-webhook-key-0123456789";

    /// <summary>Sets the HelloAsso route's URL secret and the generic webhook's signing key (before the host starts).</summary>
    public static void SetTicketingSecrets(this LocalHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Settings["Ticketing:HelloAsso:UrlSecret"] = UrlSecret;
        host.Settings["Ticketing:Webhook:SigningKey"] = SigningKey;
    }

    /// <summary>Points the host's HelloAsso API client at <paramref name="api"/> with test credentials (before the host starts).</summary>
    public static void UseHelloAssoApi(this LocalHostFactory host, WireMockServer api)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(api);
        host.Settings["Ticketing:HelloAsso:Api:BaseUrl"] = api.Url;
        host.Settings["Ticketing:HelloAsso:Api:ClientId"] = "client-id";
        host.Settings["Ticketing:HelloAsso:Api:ClientSecret"] = "client-secret";
        host.Settings["Ticketing:HelloAsso:Api:OrganizationSlug"] = "avecsante-bretagne-exemple";
    }

    /// <summary>The WireMock HelloAsso API's token endpoint: bearer token-1 for half an hour.</summary>
    public static void ServeHelloAssoToken(this WireMockServer api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.Given(Request.Create().WithPath("/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"token-1","token_type":"bearer","expires_in":1800}"""));
    }

    /// <summary>A journée régionale sold through <paramref name="formSlugs"/>, one price (Adhérent, 25 €); a unique title unless given.</summary>
    public static async Task<string> CreateEventAsync(this LocalHostFactory host, int? capacity, string[] formSlugs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var admin = host.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), new
        {
            title = title ?? "Journée régionale 2027 " + Guid.NewGuid().ToString("N")[..6],
            kind = "journee-regionale",
            start = "2027-03-18T09:30",
            end = "2027-03-18T17:00",
            venue = "Rennes",
            capacity,
            formSlugs,
            prices = new[] { new { label = "Adhérent", amountCents = 2500 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Posts a HelloAsso notification; unless <paramref name="drain"/> is false, the host's queue listener then runs
    /// until the queue is empty, so the delivery is processed (as the listener would, a moment later) when this returns.
    /// </summary>
    public static async Task<HttpResponseMessage> PostHelloAssoAsync(this LocalHostFactory host, byte[] body, string secret = UrlSecret, string? signature = null, bool drain = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/ticketing/helloasso?secret={Uri.EscapeDataString(secret)}", UriKind.Relative)) { Content = JsonContent(body) };
        if (signature is not null)
        {
            request.Headers.Add(TicketingHandlers.HelloAssoSignatureHeader, signature);
        }
        var response = await client.SendAsync(request);
        if (drain)
        {
            await host.DrainQueuesAsync();
        }
        return response;
    }

    /// <summary>GET ticketing/deliveries/{id} of the delivery a webhook answer names: "status" and "outcome" (a summary).</summary>
    public static async Task<JsonElement> DeliveryAsync(this LocalHostFactory host, HttpResponseMessage answer)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(answer);
        // Read as a string: the content stays buffered for the caller to read again.
        var id = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("deliveryId").GetString();
        using var admin = host.CreateAdminClient();
        return await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/ticketing/deliveries/{id}", UriKind.Relative));
    }

    /// <summary>The generic webhook, signed with <paramref name="key"/> at <paramref name="at"/> (now by default).</summary>
    public static async Task<HttpResponseMessage> PostWebhookAsync(this LocalHostFactory host, string json, string key = SigningKey, DateTimeOffset? at = null, bool drain = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = (at ?? host.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/ticketing/webhook", UriKind.Relative)) { Content = JsonContent(body) };
        request.Headers.Add(TicketingHandlers.TimestampHeader, timestamp);
        request.Headers.Add(TicketingHandlers.SignatureHeader, TicketingSignatures.WebhookSignature(timestamp, body, key));
        var response = await client.SendAsync(request);
        if (drain)
        {
            await host.DrainQueuesAsync();
        }
        return response;
    }

    /// <summary>GET events/{id}/registrations: "summary" and "registrations".</summary>
    public static async Task<JsonElement> RegistrationsAsync(this LocalHostFactory host, string eventId)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var admin = host.CreateAdminClient();
        return await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{eventId}/registrations", UriKind.Relative));
    }

    public static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
