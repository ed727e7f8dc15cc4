using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Infrastructure.Alerts;
using AvecSante.IntegrationTests.Support;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>The watched mailbox, read with the real Microsoft Graph SDK against a local server that checks the requests.</summary>
public sealed class MailboxSourceTests : IAsyncLifetime, IDisposable
{
    private const string Mailbox = "veille@example.org";
    private readonly WireMockServer _graph = WireMockServer.Start();
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Graph:TenantId"] = "00000000-0000-0000-0000-000000000000";
        _host.Settings["Graph:BaseUrl"] = _graph.Url + "/v1.0";
        _host.Settings["Calls:Sources:cpam-mail:Kind"] = "Mailbox";
        _host.Settings["Calls:Sources:cpam-mail:Mailbox"] = Mailbox;
        _host.Settings["Calls:Sources:cpam-mail:Funder"] = "CPAM 29";
        _host.TestServices = services => services.AddSingleton(sp => new TenantGraph(
            sp.GetRequiredService<IOptions<GraphOptions>>(), new HttpClient(), new StaticTokenCredential("graph-test-token")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _host.Dispose();
        _graph.Stop();
        _graph.Dispose();
    }

    private static byte[] CallPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Cahier des charges - appel a projets prevention du tabagisme (synthetique)", 11, new UglyToad.PdfPig.Core.PdfPoint(40, 780), font);
        page.AddText("Les dossiers sont a deposer au plus tard le 15 janvier 2027 a 12h.", 11, new UglyToad.PdfPig.Core.PdfPoint(40, 760), font);
        return builder.Build();
    }

    private void Json(string path, object body, string method = "GET") =>
        _graph.Given(Request.Create().WithPath(path).UsingMethod(method).WithHeader("Authorization", "Bearer graph-test-token"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(body));

    [Fact]
    public async Task A_mail_with_a_pdf_becomes_a_call_its_attachment_is_archived_and_the_mail_is_moved_to_the_processed_folder()
    {
        var pdf = CallPdf();
        var users = $"/v1.0/users/{Mailbox}";
        _graph.Given(Request.Create().WithPath($"{users}/mailFolders/inbox/childFolders").UsingGet().WithUrl(new WildcardMatcher("*Appels*", true)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { value = new[] { new { id = "folder-calls", displayName = "Appels à projets" } } }));
        _graph.Given(Request.Create().WithPath($"{users}/mailFolders/inbox/childFolders").UsingGet().WithUrl(new WildcardMatcher("*Trait*", true)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { value = Array.Empty<object>() }));
        Json($"{users}/mailFolders/inbox/childFolders", new { id = "folder-done", displayName = "Traité" }, "POST");
        Json($"{users}/mailFolders/folder-calls/messages/delta()", new Dictionary<string, object>
        {
            ["value"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = "msg-1",
                    ["subject"] = "Appel à projets prévention du tabagisme en MSP (synthétique)",
                    ["receivedDateTime"] = "2026-11-23T08:15:00Z",
                    ["hasAttachments"] = true,
                    ["from"] = new { emailAddress = new { address = "partenariats@cpam-29.example.org", name = "CPAM du Finistère" } },
                    ["body"] = new { contentType = "html", content = "<p>Bonjour, veuillez trouver ci-joint l'appel à projets de prévention du tabagisme pour les MSP du Finistère.</p>" },
                },
            },
            ["@odata.deltaLink"] = _graph.Url + $"{users}/mailFolders/folder-calls/messages/delta()?$deltatoken=next-1",
        });
        Json($"{users}/messages/msg-1/attachments", new Dictionary<string, object>
        {
            ["value"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment",
                    ["id"] = "att-1",
                    ["name"] = "cahier des charges.pdf",
                    ["contentType"] = "application/pdf",
                    ["contentBytes"] = Convert.ToBase64String(pdf),
                },
                new Dictionary<string, object>
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment",
                    ["id"] = "att-2",
                    ["name"] = "..",
                    ["contentType"] = "text/plain",
                    ["contentBytes"] = Convert.ToBase64String("hors du dossier"u8.ToArray()),
                },
            },
        });
        Json($"{users}/messages/msg-1/move", new { id = "msg-1-moved" }, "POST");
        using var client = _host.CreateAdminClient();

        using var response = await client.PostAsync(new Uri("/api/calls/ingest", UriKind.Relative), null);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var source = run.GetProperty("sources")[0];
        Assert.True(source.GetProperty("status").GetString() == "ok", source.GetProperty("lastError").ToString());
        Assert.Equal(1, source.GetProperty("new").GetInt32());
        var call = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls", UriKind.Relative)))[0];
        Assert.Equal("2027-01-15T12:00:00+01:00", call.GetProperty("deadlineParis").GetString()); // read from the PDF
        var move = Assert.Single(_graph.LogEntries, e => e.RequestMessage.Path.EndsWith("/move", StringComparison.Ordinal));
        Assert.Contains("folder-done", move.RequestMessage.Body, StringComparison.Ordinal);
        var archive = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient((_host.TablePrefix + "mailbox").ToLowerInvariant());
        var archived = new List<string>();
        await foreach (var blob in archive.GetBlobsAsync())
        {
            archived.Add(blob.Name);
        }
        var folder = archived.Single(n => n.EndsWith("/body.html", StringComparison.Ordinal))[..^"body.html".Length];
        Assert.Equal(3, archived.Count);
        Assert.All(archived, n => Assert.StartsWith(folder, n, StringComparison.Ordinal)); // an attachment named ".." stays inside
        var pdfDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))[..32];
        Assert.Contains(folder + pdfDigest + ".pdf", archived);
    }
}
