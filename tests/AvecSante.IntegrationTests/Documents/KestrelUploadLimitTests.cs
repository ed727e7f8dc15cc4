using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Documents;

/// <summary>
/// On real Kestrel (not TestServer, which has no body limit): Kestrel's own 30 MB default must never answer before the
/// library's setting, with an empty 413 or a reset connection. The setting is raised to 32 MB here to cross it.
/// </summary>
public sealed class KestrelUploadLimitTests : IAsyncLifetime, IDisposable
{
    private const long Limit = 32L * 1024 * 1024;
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Documents:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _host.Settings["Members:ImportMaxBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A free port through the app's own setting: WebApplicationFactory's UseKestrel(port) rewrites the addresses
        // after the app has started binding, a race that fails now and then.
        _host.Settings["urls"] = "http://127.0.0.1:0";
        _host.UseKestrel();
        _host.StartServer();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_file_above_Kestrels_default_but_within_the_setting_is_accepted()
    {
        using var client = _host.CreateAdminClient();
        // A real socket on a free port: not TestServer, and not the LocalHost's 7071 a running ./run.sh may hold.
        Assert.NotEqual(7071, client.BaseAddress!.Port);

        var document = await Uploads.PostAsync(client, Uploads.PdfOfSize(31L * 1024 * 1024), "31mo.pdf", Uploads.Metadata());

        Assert.Equal(31L * 1024 * 1024, document.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_chunked_upload_beyond_the_setting_gets_our_413_problem()
    {
        using var client = _host.CreateAdminClient();
        using var form = Uploads.Form(Uploads.PdfOfSize(Limit + (1024 * 1024)), "33mo.pdf", Uploads.Metadata());
        form.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/documents", UriKind.Relative)) { Content = form };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Uploads.ProblemAsync(response);
        Assert.Equal("Le fichier est trop volumineux.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_chunked_member_import_beyond_its_setting_gets_our_413_problem_not_Kestrels()
    {
        using var client = _host.CreateAdminClient();
        using var form = Uploads.Form(new byte[Limit + (1024 * 1024)], "adherents.csv", metadata: null, contentType: "text/csv");
        form.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/members/import", UriKind.Relative)) { Content = form };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Uploads.ProblemAsync(response);
        Assert.Contains("Members:ImportMaxBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
