using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static AvecSante.IntegrationTests.Support.CallSourceServer;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>
/// What a source's content can make the back office fetch: only its own host, never another service of the machine,
/// never past a redirect elsewhere, never more than the size cap, and the aides-territoires token only to its API.
/// Sources are served by one WireMock server; "the internal service" is a second one on another port.
/// </summary>
public sealed class OutboundFetchTests : IAsyncLifetime, IDisposable
{
    private const string CallText = "Appel à projets ouvert aux MSP du Morbihan. Date limite de dépôt : 15 janvier 2027.";
    private readonly CallSourceServer _server = new(timeoutSeconds: 5);
    private readonly WireMockServer _internal = WireMockServer.Start();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _internal.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody($"<main><h1>Secret interne</h1><p>{CallText}</p></main>"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _server.Dispose();
        _internal.Stop();
        _internal.Dispose();
    }

    private static async Task<JsonElement> SourceRunAsync(HttpClient client, string name)
    {
        await IngestAsync(client);
        var sources = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/sources", UriKind.Relative));
        return sources.EnumerateArray().Single(s => s.GetProperty("source").GetString() == name);
    }

    private static async Task<string> CallsTextAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls", UriKind.Relative))).GetRawText();

    [Fact]
    public async Task A_feed_item_linking_to_another_service_is_kept_from_its_teaser_and_its_link_is_not_fetched()
    {
        _server.Serve("/rss.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Flux (synthétique)</title>
              <item><title>Appel à projets prévention des chutes</title><link>{_internal.Url}/api/health</link>
                <description>{CallText}</description></item>
            </channel></rss>
            """, "application/rss+xml");
        _server.Source("feed", "Rss", "/rss.xml", ("FollowLinks", "true"));
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "feed");

        Assert.Empty(_internal.LogEntries);
        Assert.Equal("ok", run.GetProperty("status").GetString());
        Assert.Contains("pas été suivi", run.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret interne", await CallsTextAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_listing_linking_to_another_service_does_not_make_the_back_office_fetch_it()
    {
        _server.Serve("/appels", $"""<html><body><article><a href="{_internal.Url}/api/health">Appel</a></article></body></html>""", "text/html");
        _server.Source("site", "WebPage", "/appels");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "site");

        Assert.Empty(_internal.LogEntries);
        Assert.Equal(0, run.GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task A_redirect_to_another_service_is_not_followed()
    {
        _server.Sources.Given(Request.Create().WithPath("/appels.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", _internal.Url + "/latest/meta-data/"));
        _server.Source("partner", "Listing", "/appels.json");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "partner");

        Assert.Empty(_internal.LogEntries);
        Assert.Equal("failed", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_redirect_within_the_source_is_followed()
    {
        _server.Sources.Given(Request.Create().WithPath("/old.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "/new.json"));
        _server.Serve("/new.json", """[{"titre": "Appel à projets prévention (synthétique)", "url_source": "https://www.example.org/cpam29/prevention", "resume": "Appel à projets de prévention pour les MSP du Finistère, jusqu'au 15 janvier 2027."}]""", "application/json");
        _server.Source("partner", "Listing", "/old.json");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "partner");

        Assert.Equal("ok", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Loopback_sources_are_refused_at_connect_time_unless_the_setting_allows_them()
    {
        _server.Host.Settings["Calls:AllowLoopbackSources"] = "false";
        _server.Serve("/appels.json", "[]", "application/json");
        _server.Source("partner", "Listing", "/appels.json");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "partner");

        Assert.Empty(_server.Sources.LogEntries);
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("not a public address", run.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_answer_past_the_size_cap_fails_the_source_without_being_inflated_whole()
    {
        _server.Host.Settings["Calls:MaxResponseBytes"] = "100000";
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            gzip.Write("["u8);
            for (var i = 0; i < 50; i++)
            {
                gzip.Write(spaces); // 50 MB of whitespace, about 50 KB on the wire
            }
            gzip.Write("]"u8);
        }
        _server.Sources.Given(Request.Create().WithPath("/bomb.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("Content-Encoding", "gzip").WithBody(packed.ToArray()));
        _server.Source("partner", "Listing", "/bomb.json");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "partner");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("100000 bytes", run.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aides_territoires_token_is_sent_only_to_its_own_host_whatever_next_page_it_names()
    {
        _server.Sources.Given(Request.Create().WithPath("/api/connexion/").UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { token = "jwt-1" }));
        _server.Sources.Given(Request.Create().WithPath("/api/aids/").UsingGet())
            .RespondWith(Response.Create().WithBodyAsJson(new { count = 2, next = _internal.Url + "/api/aids/?page=2", results = Array.Empty<object>() }));
        _server.Source("aides-territoires", "AidesTerritoires", "/", ("ApiKey", "at-key"));
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "aides-territoires");

        Assert.Empty(_internal.LogEntries);
        Assert.Contains("aides-territoires", run.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_declared_in_a_feed_dtd_are_not_expanded()
    {
        _server.Serve("/rss.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [<!ENTITY injected "Titre injecte par la DTD">]>
            <rss version="2.0"><channel><title>Flux</title>
              <item><title>&injected; appel à projets</title><link>https://www.example.org/aap/dtd</link>
                <description>{CallText}</description></item>
            </channel></rss>
            """, "application/rss+xml");
        _server.Source("feed", "Rss", "/rss.xml");
        using var client = _server.Host.CreateAdminClient();

        var run = await SourceRunAsync(client, "feed");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.DoesNotContain("injecte par la DTD", await CallsTextAsync(client), StringComparison.Ordinal);
    }
}
