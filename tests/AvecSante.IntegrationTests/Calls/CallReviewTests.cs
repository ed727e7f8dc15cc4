using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AvecSante.IntegrationTests.Support.CallSourceServer;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>
/// A call the reader is unsure of, read from a WireMock feed by the LocalHost on Azurite: held "à vérifier", alerting
/// nobody; confirmed or corrected through the API, it alerts each matching coordinator once, and keeps what staff said.
/// </summary>
public sealed class CallReviewTests : IAsyncLifetime, IDisposable
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Flux (synthétique)</title>
          <item><title>Appel à projets prévention des chutes des personnes âgées en MSP (synthétique)</title>
            <link>https://www.example.org/appels/chutes</link>
            <description>&lt;p&gt;Les maisons de santé du Finistère peuvent proposer des actions de prévention des chutes. BODY&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    private readonly CallSourceServer _server = new(timeoutSeconds: 5);

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _server.Source("feed", "Rss", "/rss.xml");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _server.Dispose();

    private void ServeFeed(string body)
    {
        _server.Sources.Reset();
        _server.Serve("/rss.xml", Feed.Replace("BODY", body, StringComparison.Ordinal), "application/rss+xml");
    }

    private async Task AddCoordinatorsAsync()
    {
        var people = _server.Host.Services.GetRequiredService<IPeopleDirectory>();
        foreach (var (id, department) in new[] { ("p-29a", "29"), ("p-29b", "29"), ("p-35", "35") })
        {
            await people.UpsertAsync(new Person
            {
                Id = id,
                FirstName = "Prénom",
                LastName = "Exemple",
                Email = id + "@example.org",
                StructureKind = "MSP",
                Department = department,
            }, CancellationToken.None);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    private static async Task<List<string>> NewCallRecipientsAsync(HttpClient client) =>
        (await GetAsync(client, "/api/notifications")).EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "call-new")
            .Select(m => m.GetProperty("recipientId").GetString()!).Order(StringComparer.Ordinal).ToList();

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, string id, object? body) =>
        body is null
            ? client.PostAsync(new Uri($"/api/calls/{id}/review", UriKind.Relative), null)
            : client.PostAsJsonAsync(new Uri($"/api/calls/{id}/review", UriKind.Relative), body);

    [Fact]
    public async Task An_uncertain_call_is_held_alerting_nobody_and_confirming_it_alerts_each_matching_coordinator_once()
    {
        await AddCoordinatorsAsync();
        ServeFeed("Les candidatures sont ouvertes.");
        using var client = _server.Host.CreateAdminClient();

        await IngestAsync(client);
        var held = Assert.Single((await GetAsync(client, "/api/calls?status=toreview")).EnumerateArray());
        var id = held.GetProperty("id").GetString()!;

        Assert.Equal("toreview", held.GetProperty("status").GetString());
        Assert.NotEmpty(held.GetProperty("reviewReasons").EnumerateArray());
        Assert.Equal(0, (await GetAsync(client, "/api/calls?status=open")).GetArrayLength());
        Assert.Equal(0, (await GetAsync(client, "/api/notifications")).GetArrayLength()); // no email, calendar or Teams card
        var source = Assert.Single((await GetAsync(client, "/api/calls/sources")).EnumerateArray());
        Assert.Equal(1, source.GetProperty("toReview").GetInt32());

        using var first = await ReviewAsync(client, id, null);
        using var second = await ReviewAsync(client, id, new { });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var confirmed = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", confirmed.GetProperty("status").GetString());
        Assert.Equal(2, confirmed.GetProperty("alertsPlanned").GetInt32());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32());
        Assert.Equal(["p-29a", "p-29b"], await NewCallRecipientsAsync(client));
        Assert.Equal(0, (await GetAsync(client, "/api/calls?status=toreview")).GetArrayLength());
        Assert.Equal(0, Assert.Single((await GetAsync(client, "/api/calls/sources")).EnumerateArray()).GetProperty("toReview").GetInt32());

        await IngestAsync(client); // the same text read again neither holds it again nor alerts again
        Assert.Equal("open", (await GetAsync(client, $"/api/calls/{id}")).GetProperty("status").GetString());
        Assert.Equal(["p-29a", "p-29b"], await NewCallRecipientsAsync(client));
    }

    [Fact]
    public async Task A_corrected_deadline_and_funder_survive_a_later_ingestion_that_reads_otherwise()
    {
        ServeFeed("Les candidatures sont ouvertes.");
        using var client = _server.Host.CreateAdminClient();
        await IngestAsync(client);
        var id = Assert.Single((await GetAsync(client, "/api/calls?status=toreview")).EnumerateArray()).GetProperty("id").GetString()!;

        using var corrected = await ReviewAsync(client, id, new { deadline = "2027-03-31T12:00", funder = "CPAM 29" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        ServeFeed("La Fondation Exemple lance cet appel. Date limite de dépôt des dossiers : 15 janvier 2027 à 18h.");
        await IngestAsync(client);
        var call = await GetAsync(client, $"/api/calls/{id}");

        Assert.Equal("2027-03-31T12:00:00+02:00", call.GetProperty("deadlineParis").GetString());
        Assert.Equal("CPAM du Finistère", call.GetProperty("funder").GetString());
        Assert.Equal("open", call.GetProperty("status").GetString());
        var deadline = Assert.Single(call.GetProperty("disagreements").EnumerateArray(), d => d.GetProperty("field").GetString() == "deadline");
        Assert.StartsWith("2027-01-15T18:00", deadline.GetProperty("theirs").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_reviews_are_problems_in_French_and_change_nothing()
    {
        ServeFeed("Les candidatures sont ouvertes.");
        using var client = _server.Host.CreateAdminClient();
        await IngestAsync(client);
        var id = Assert.Single((await GetAsync(client, "/api/calls?status=toreview")).EnumerateArray()).GetProperty("id").GetString()!;

        using var badDate = await ReviewAsync(client, id, new { deadline = "31/03/2027" });
        using var both = await ReviewAsync(client, id, new { deadline = "2027-03-31", rolling = true });
        using var malformed = await client.PostAsync(new Uri($"/api/calls/{id}/review", UriKind.Relative), new StringContent("{\"deadline\":", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await ReviewAsync(client, "inconnu", new { });
        using var badStatus = await client.GetAsync(new Uri("/api/calls?status=maybe", UriKind.Relative));
        using var anonymous = _server.Host.CreateClient();
        using var noKey = await anonymous.PostAsync(new Uri($"/api/calls/{id}/review", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
        Assert.Contains("deadline", (await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("toreview", (await GetAsync(client, $"/api/calls/{id}")).GetProperty("status").GetString());

        using var done = await ReviewAsync(client, id, new { rolling = true });
        using var otherValues = await ReviewAsync(client, id, new { deadline = "2027-04-30" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherValues.StatusCode);
        Assert.Equal("application/problem+json", otherValues.Content.Headers.ContentType?.MediaType);
    }
}
