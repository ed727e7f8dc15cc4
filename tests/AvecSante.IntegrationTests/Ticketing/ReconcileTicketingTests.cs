using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Api.Ticketing;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>The daily reconciliation against a WireMock HelloAsso API: token once, pages followed, missing tickets filled in.</summary>
public sealed class ReconcileTicketingTests : IAsyncLifetime, IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly LocalHostFactory _host = new();

    public ReconcileTicketingTests()
    {
        _host.UseHelloAssoApi(_api);
    }

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host.Dispose();
        _api.Stop();
        _api.Dispose();
    }

    [Fact]
    public async Task Orders_the_notifications_missed_are_filled_in_across_pages_and_a_second_run_adds_nothing()
    {
        using var admin = _host.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), new
        {
            title = "Journée régionale 2027",
            kind = "journee-regionale",
            start = "2027-03-18T09:30",
            end = "2027-03-18T17:00",
            capacity = 2,
            formSlugs = new[] { "journee-regionale-2027" },
        });
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var order = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json")))
            .RootElement.GetProperty("data").GetRawText();
        const string ordersPath = "/v5/organizations/avecsante-bretagne-exemple/forms/Event/journee-regionale-2027/orders";
        _api.Given(Request.Create().WithPath("/oauth2/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"token-1","token_type":"bearer","expires_in":1800,"refresh_token":"r"}"""));
        _api.Given(Request.Create().WithPath(ordersPath).UsingGet().WithParam("continuationToken", "page-2"))
            .AtPriority(1) // lower is stronger in WireMock.Net: page 2 before the catch-all first page
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"data":[],"pagination":{"pageSize":100,"continuationToken":"page-3"}}"""));
        _api.Given(Request.Create().WithPath(ordersPath).UsingGet().WithHeader("Authorization", "Bearer token-1"))
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"data\":[" + order + "],\"pagination\":{\"pageSize\":100,\"continuationToken\":\"page-2\"}}"));
        var job = _host.Services.GetRequiredService<ReconcileTicketingJob>();

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var registrations = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{eventId}/registrations", UriKind.Relative));
        Assert.Equal(3, registrations.GetProperty("registrations").GetArrayLength());
        Assert.Equal(2, registrations.GetProperty("summary").GetProperty("confirmed").GetInt32());
        Assert.Equal(1, registrations.GetProperty("summary").GetProperty("waitlisted").GetInt32());
        Assert.Single(_api.LogEntries, e => e.RequestMessage.Path == "/oauth2/token");
        Assert.Equal(4, _api.LogEntries.Count(e => e.RequestMessage.Path == ordersPath));
        Assert.Contains("client_credentials", _api.LogEntries.First(e => e.RequestMessage.Path == "/oauth2/token").RequestMessage.Body, StringComparison.Ordinal);
    }
}
