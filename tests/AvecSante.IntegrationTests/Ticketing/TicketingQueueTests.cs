using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Api.Ticketing;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>
/// Deliveries through the queue on Azurite: acknowledged in two storage calls, processed by the LocalHost's queue
/// listener, retried, poisoned after the host's maximum dequeue count, shown to staff and put back, never doubled.
/// </summary>
public sealed class TicketingQueueTests : HelloAssoApiTestBase
{
    private static byte[] Order() => File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json"));

    /// <summary>The HelloAsso API's answer to the re-read of the demo order: its own data, or a failure status.</summary>
    private void ServeOrder(int status)
    {
        var body = status == 200 ? JsonDocument.Parse(Order()).RootElement.GetProperty("data").GetRawText() : """{"errors":[{"code":"Unavailable"}]}""";
        Api.Given(Request.Create().WithPath(OrderPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));
    }

    private async Task<List<JsonElement>> PoisonedAsync()
    {
        using var admin = Host.CreateAdminClient();
        return (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/queues/poison", UriKind.Relative))).EnumerateArray().ToList();
    }

    private async Task<int> RegistrationCountAsync(string eventId) =>
        (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength();

    [Fact]
    public async Task A_delivery_whose_processing_throws_is_retried_poisoned_shown_put_back_by_staff_and_processed_once()
    {
        var eventId = await Host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(503);

        using var answer = await Host.PostHelloAssoAsync(Order());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        // Retried, up to host.json's maxDequeueCount (5) attempts (one may time out before it reaches the API).
        Assert.InRange(Api.LogEntries.Count(e => e.RequestMessage.Path == OrderPath), 2, 5);
        var poisoned = Assert.Single(await PoisonedAsync());
        var deliveryId = poisoned.GetProperty("message").GetProperty("inboxId").GetString();
        Assert.Equal("pending", (await Host.DeliveryAsync(answer)).GetProperty("status").GetString());
        Assert.Equal(0, await RegistrationCountAsync(eventId));

        // The API is back; staff put the message back on its queue, a while later (a pending claim younger than the
        // grace is left to its own message's retries).
        Host.Clock.Advance(TicketingInboxProcessor.Grace + TimeSpan.FromSeconds(1));
        Api.ResetMappings();
        Api.ServeHelloAssoToken();
        ServeOrder(200);
        using var admin = Host.CreateAdminClient();
        using var retried = await admin.PostAsync(new Uri($"/api/queues/poison/{poisoned.GetProperty("id").GetString()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Empty(await PoisonedAsync());
        await Host.DrainQueuesAsync();

        Assert.Equal(3, await RegistrationCountAsync(eventId));
        var delivery = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/ticketing/deliveries/{deliveryId}", UriKind.Relative));
        Assert.Equal("processed", delivery.GetProperty("status").GetString());

        // Nothing doubled: the same bytes again, and the sweeper, add nothing.
        using var again = await Host.PostHelloAssoAsync(Order());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Host.Services.GetRequiredService<SweepTicketingInboxJob>().RunAsync(CancellationToken.None);
        Assert.Equal(3, await RegistrationCountAsync(eventId));
        Assert.Empty(await PoisonedAsync());
    }

    [Fact]
    public async Task A_delivery_is_acknowledged_in_two_storage_calls_the_blob_and_the_queue_message()
    {
        await Host.CreateEventAsync(null, [FormSlug]);
        ServeOrder(200);
        // The first delivery of a process creates the container and the queue; the next ones are what is counted.
        using (var warmUp = await Host.PostHelloAssoAsync(Order(), drain: false))
        {
            Assert.Equal(HttpStatusCode.Accepted, warmUp.StatusCode);
        }
        var other = JsonDocument.Parse(Order()).RootElement.GetRawText().Replace("700000001", "700000101", StringComparison.Ordinal);

        using var calls = new StorageCalls(Host.TablePrefix);
        using var answer = await Host.PostHelloAssoAsync(System.Text.Encoding.UTF8.GetBytes(other), drain: false);
        var made = calls.Made.ToList();

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(2, made.Count);
        Assert.Contains(made, c => c.StartsWith("PUT ", StringComparison.Ordinal) && c.Contains("ticketing-raw", StringComparison.Ordinal));
        Assert.Contains(made, c => c.StartsWith("POST ", StringComparison.Ordinal) && c.Contains("-ticketing/messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hosts_own_listener_processes_a_delivery_without_being_asked()
    {
        using var listening = new LocalHostFactory();
        listening.SetTicketingSecrets();
        listening.Settings["AzureWebJobs.ProcessTicketingDelivery.Disabled"] = "false";
        var eventId = await listening.CreateEventAsync(null, [FormSlug]);

        using var answer = await listening.PostHelloAssoAsync(Order(), drain: false);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await listening.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength() < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(3, (await listening.RegistrationsAsync(eventId)).GetProperty("registrations").GetArrayLength());
    }

    [Fact]
    public async Task Retrying_a_message_that_is_no_guid_or_not_poisoned_gets_a_french_problem()
    {
        using var admin = Host.CreateAdminClient();

        using var malformed = await admin.PostAsync(new Uri("/api/queues/poison/pas-un-guid/retry", UriKind.Relative), null);
        using var unknown = await admin.PostAsync(new Uri($"/api/queues/poison/{Guid.NewGuid()}/retry", UriKind.Relative), null);
        using var anonymous = await Host.CreateClient().GetAsync(new Uri("/api/queues/poison", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Identifiant de message invalide.", (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>The storage requests the Azure SDK makes in this process (its "Azure-Core" event source) for one test's tables, containers and queues.</summary>
    private sealed class StorageCalls(string prefix) : EventListener
    {
        public ConcurrentQueue<string> Made { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Azure-Core")
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "Request" || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
            {
                return;
            }
            var method = payload[names.IndexOf("method")]?.ToString();
            var uri = payload[names.IndexOf("uri")]?.ToString();
            if (uri is not null && prefix is not null && uri.Contains(prefix, StringComparison.OrdinalIgnoreCase))
            {
                Made.Enqueue($"{method} {uri}");
            }
        }
    }
}
