using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Support;

/// <summary>
/// Call sources served by a local WireMock server to the LocalHost app (no pause between requests, a short timeout):
/// the set-up the ingestion tests share. The test adds sources with <see cref="Source"/> and pages with <see cref="Serve"/>.
/// </summary>
public sealed class CallSourceServer : IDisposable
{
    public CallSourceServer(int timeoutSeconds)
    {
        Host.Settings["Calls:MinMillisecondsBetweenRequests"] = "0";
        Host.Settings["Calls:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public WireMockServer Sources { get; } = WireMockServer.Start();

    public LocalHostFactory Host { get; } = new();

    /// <summary>A source of the given kind reading <paramref name="path"/> of the WireMock server, with more settings.</summary>
    public void Source(string name, string kind, string path, params (string Key, string Value)[] more)
    {
        Host.Settings[$"Calls:Sources:{name}:Kind"] = kind;
        Host.Settings[$"Calls:Sources:{name}:Url"] = Sources.Url + path;
        foreach (var (key, value) in more)
        {
            Host.Settings[$"Calls:Sources:{name}:{key}"] = value;
        }
    }

    public void Serve(string path, string body, string contentType, int status = 200) =>
        Sources.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    /// <summary>One ingestion run through the API: 200 and its report.</summary>
    public static async Task<JsonElement> IngestAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync(new Uri("/api/calls/ingest", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose()
    {
        Host.Dispose();
        Sources.Stop();
        Sources.Dispose();
    }
}
