using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static AvecSante.IntegrationTests.Support.CallSourceServer;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>Sources served by a local WireMock server, read by the real ingestion through the LocalHost app, on Azurite.</summary>
public sealed class CallIngestionTests : IAsyncLifetime, IDisposable
{
    private static readonly string Listings = Path.Combine(RepositoryFiles.Root, "..", "shared", "fixtures", "calls", "listings");
    private readonly CallSourceServer _server = new(timeoutSeconds: 2);

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _server.Dispose();

    private static async Task<JsonElement> CallsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls", UriKind.Relative));

    [Fact]
    public async Task The_three_real_listings_ingested_twice_create_each_call_once_and_keep_sister_calls_apart()
    {
        _server.Serve("/carenews.json", await File.ReadAllTextAsync(Path.Combine(Listings, "carenews_raw.json")), "application/json");
        _server.Serve("/iledefrance.json", await File.ReadAllTextAsync(Path.Combine(Listings, "iledefrance_raw.json")), "application/json");
        _server.Serve("/export.csv", await File.ReadAllTextAsync(Path.Combine(Listings, "aap_export.csv")), "text/csv");
        _server.Source("carenews", "Listing", "/carenews.json");
        _server.Source("iledefrance", "Listing", "/iledefrance.json");
        _server.Source("export", "Listing", "/export.csv");
        using var client = _server.Host.CreateAdminClient();

        var first = await IngestAsync(client);
        var afterFirst = await CallsAsync(client);
        var second = await IngestAsync(client);
        var afterSecond = await CallsAsync(client);

        var created = first.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("new").GetInt32());
        Assert.True(created > 100, $"only {created} calls were created from 281 distinct listing addresses");
        Assert.Equal(created, afterFirst.GetArrayLength());
        Assert.Equal(afterFirst.GetArrayLength(), afterSecond.GetArrayLength());
        Assert.Equal(0, second.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("new").GetInt32()));
        var urls = afterSecond.EnumerateArray().Select(c => c.GetProperty("url").GetString()!).ToList();
        Assert.Equal(urls.Count, urls.Select(u => Core.Calls.CallIdentity.CanonicalUrl(new Uri(u))).Distinct().Count());
        var titles = afterSecond.EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList();
        Assert.Contains(titles, t => t.Contains("Challenge IA pour la Santé", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Challenge IA pour l'Industrie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_web_listing_and_its_call_pages_become_calls_with_their_deadline_and_evidence()
    {
        _server.Serve("/ars/appels", """
            <html><body><main>
              <div class="views-row"><a href="/ars/appels/sante-mentale-jeunes">AAP Santé mentale des jeunes</a></div>
              <div class="views-row"><a href="/ars/appels/mois-sans-tabac">Mois sans tabac 2027</a></div>
            </main></body></html>
            """, "text/html");
        _server.Serve("/ars/appels/sante-mentale-jeunes", """
            <html><body><main><h1>Appel à projets « Santé mentale des jeunes » (synthétique)</h1>
            <p>L'ARS Bretagne lance un appel à projets pour renforcer la prévention en santé mentale des jeunes, ouvert aux
            maisons de santé pluriprofessionnelles (MSP) et aux CPTS de Bretagne.</p>
            <p>Les dossiers sont à déposer jusqu'au vendredi 15 janvier 2027 à 18h.</p></main></body></html>
            """, "text/html");
        _server.Serve("/ars/appels/mois-sans-tabac", """
            <html><body><main><h1>Appel à candidatures Mois sans tabac 2027 (synthétique)</h1>
            <p>Santé publique France et l'ARS Bretagne soutiennent les actions de prévention du tabagisme des équipes de
            soins primaires. Candidatures au plus tard le 30 janvier 2027 inclus à midi.</p></main></body></html>
            """, "text/html");
        _server.Source("ars-bretagne", "WebPage", "/ars/appels", ("ItemSelector", ".views-row"), ("Funder", "ARS Bretagne"));
        using var client = _server.Host.CreateAdminClient();

        var run = await IngestAsync(client);
        var calls = await CallsAsync(client);

        Assert.Equal(2, run.GetProperty("sources")[0].GetProperty("new").GetInt32());
        var mental = calls.EnumerateArray().Single(c => c.GetProperty("title").GetString()!.Contains("Santé mentale", StringComparison.Ordinal));
        Assert.Equal("2027-01-15T18:00:00+01:00", mental.GetProperty("deadlineParis").GetString());
        Assert.Equal("ARS Bretagne", mental.GetProperty("funder").GetString());
        var tabac = calls.EnumerateArray().Single(c => c.GetProperty("title").GetString()!.Contains("tabac", StringComparison.Ordinal));
        Assert.Equal("2027-01-30T12:00:00+01:00", tabac.GetProperty("deadlineParis").GetString());
    }

    [Fact]
    public async Task A_feed_item_whose_deadline_moves_is_changed_not_duplicated_and_the_change_is_kept()
    {
        const string Feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>ARS Bretagne (synthétique)</title>
              <item><title>Appel à projets prévention des chutes des personnes âgées</title>
                <link>https://www.example.org/ars/chutes</link>
                <description>&lt;p&gt;Appel à projets ouvert aux MSP du Morbihan. Date limite de dépôt : DEADLINE.&lt;/p&gt;</description>
                <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
        _server.Serve("/rss.xml", Feed.Replace("DEADLINE", "15 décembre 2026", StringComparison.Ordinal), "application/rss+xml");
        _server.Source("ars-rss", "Rss", "/rss.xml", ("Funder", "ARS Bretagne"));
        using var client = _server.Host.CreateAdminClient();
        await IngestAsync(client);

        _server.Sources.Reset();
        _server.Serve("/rss.xml", Feed.Replace("DEADLINE", "8 janvier 2027", StringComparison.Ordinal), "application/rss+xml");
        var second = await IngestAsync(client);
        var calls = await CallsAsync(client);

        var call = Assert.Single(calls.EnumerateArray());
        Assert.Equal(1, second.GetProperty("sources")[0].GetProperty("changed").GetInt32());
        Assert.StartsWith("2027-01-08T23:59", call.GetProperty("deadlineParis").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-23", call.GetProperty("publishedOn").GetString());
    }

    [Fact]
    public async Task A_feed_item_linking_to_a_staff_entered_call_cannot_move_its_deadline_and_staff_see_the_disagreement()
    {
        _server.Serve("/rss.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Flux (synthétique)</title>
              <item><title>Appel à projets prévention des chutes des personnes âgées</title>
                <link>https://www.example.org/ars/chutes</link>
                <description>&lt;p&gt;Appel à projets ouvert aux MSP du Morbihan. Date limite de dépôt : 2 janvier 2027.&lt;/p&gt;</description></item>
            </channel></rss>
            """, "application/rss+xml");
        _server.Source("some-feed", "Rss", "/rss.xml");

        using var client = _server.Host.CreateAdminClient();
        using var submitted = await client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new
        {
            title = "Appel à projets prévention des chutes des personnes âgées",
            funder = "ARS Bretagne",
            url = "https://www.example.org/ars/chutes",
            deadline = "2027-06-30",
            themes = new[] { "vieillissement" },
            departments = new[] { "56" },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var run = await IngestAsync(client);
        var call = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));

        Assert.Equal(0, run.GetProperty("sources")[0].GetProperty("changed").GetInt32());
        Assert.StartsWith("2027-06-30", call.GetProperty("deadlineParis").GetString(), StringComparison.Ordinal);
        var disagreement = Assert.Single(call.GetProperty("disagreements").EnumerateArray());
        Assert.Equal("some-feed", disagreement.GetProperty("source").GetString());
        Assert.StartsWith("2027-01-02", disagreement.GetProperty("theirs").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_answering_500_timing_out_or_returning_garbage_shows_in_sources_and_the_run_goes_on()
    {
        _server.Sources.Given(Request.Create().WithPath("/broken").UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        _server.Sources.Given(Request.Create().WithPath("/slow").UsingGet()).RespondWith(Response.Create().WithDelay(TimeSpan.FromSeconds(5)).WithBody("<rss/>"));
        _server.Serve("/garbage", "this is not a feed <<<", "application/rss+xml");
        _server.Serve("/good.json", """[{"titre": "Appel à projets prévention addictions (synthétique)", "organisme": "CPAM 29", "url_source": "https://www.example.org/cpam29/addictions", "date_limite": "2027-01-15", "resume": "Appel à projets de prévention des addictions pour les MSP du Finistère, jusqu'au 15 janvier 2027."}]""", "application/json");
        _server.Source("a-broken", "Rss", "/broken");
        _server.Source("b-slow", "Rss", "/slow");
        _server.Source("c-garbage", "Rss", "/garbage");
        _server.Source("d-good", "Listing", "/good.json");
        _server.Source("e-off", "Rss", "/never", ("Enabled", "false"));
        using var client = _server.Host.CreateAdminClient();

        await IngestAsync(client);
        var sources = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/sources", UriKind.Relative)))
            .EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);

        Assert.Equal("failed", sources["a-broken"].GetProperty("status").GetString());
        Assert.Contains("500", sources["a-broken"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", sources["b-slow"].GetProperty("status").GetString());
        Assert.Contains("à temps", sources["b-slow"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", sources["c-garbage"].GetProperty("status").GetString());
        Assert.Contains("illisible", sources["c-garbage"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", sources["d-good"].GetProperty("status").GetString());
        Assert.Equal(1, sources["d-good"].GetProperty("new").GetInt32());
        Assert.False(sources["e-off"].GetProperty("enabled").GetBoolean());
        Assert.Single((await CallsAsync(client)).EnumerateArray());
    }

    [Fact]
    public async Task Aides_territoires_is_read_with_a_token_page_by_page_and_from_the_last_successful_run()
    {
        _server.Sources.Given(Request.Create().WithPath("/api/connexion/").UsingPost().WithHeader("X-AUTH-TOKEN", "at-key"))
            .RespondWith(Response.Create().WithBodyAsJson(new { token = "jwt-1" }));
        _server.Sources.Given(Request.Create().WithPath("/api/aids/").UsingGet().WithHeader("Authorization", "Bearer jwt-1").WithParam("page", "2"))
            .RespondWith(Response.Create().WithBodyAsJson(new { count = 2, next = (string?)null, results = new[] { Aid(2, "Appel à projets activité physique adaptée en MSP (synthétique)", "2027-02-01") } }));
        _server.Sources.Given(Request.Create().WithPath("/api/aids/").UsingGet().WithHeader("Authorization", "Bearer jwt-1").WithParam("perimeter", "70973"))
            .AtPriority(10)
            .RespondWith(Response.Create().WithBodyAsJson(new { count = 2, next = _server.Sources.Url + "/api/aids/?perimeter=70973&page=2", results = new[] { Aid(1, "Appel à projets santé mentale en soins primaires (synthétique)", "2027-01-20") } }));
        _server.Source("aides-territoires", "AidesTerritoires", "/", ("ApiKey", "at-key"), ("Query", "perimeter=70973"));
        using var client = _server.Host.CreateAdminClient();

        var first = await IngestAsync(client);
        var second = await IngestAsync(client);

        Assert.Equal(2, first.GetProperty("sources")[0].GetProperty("new").GetInt32());
        Assert.Equal(0, second.GetProperty("sources")[0].GetProperty("seen").GetInt32()); // nothing updated since the last run
        Assert.Single(_server.Sources.LogEntries, e => e.RequestMessage.Path == "/api/connexion/"); // the token is cached
        var calls = await CallsAsync(client);
        Assert.Contains(calls.EnumerateArray(), c => c.GetProperty("deadlineParis").GetString() == "2027-01-20T23:59:00+01:00");
    }

    private static object Aid(int id, string name, string deadline) => new
    {
        id,
        name,
        url = $"/aides/{id}/",
        financers = new[] { "ARS Bretagne" },
        description = $"<p>{name}. Ouvert aux maisons de santé pluriprofessionnelles de Bretagne.</p>",
        perimeter = "Bretagne",
        origin_url = $"https://www.example.org/aides/{id}",
        categories = new[] { "Santé / Prévention" },
        is_call_for_project = true,
        targeted_audiences = new[] { "Association" },
        submission_deadline = deadline,
        recurrence = "Ponctuelle",
        date_created = "2026-11-20T10:00:00+01:00",
        date_updated = "2026-11-20T10:00:00+01:00",
    };
}
