using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AvecSante.Api;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Http;

/// <summary>
/// Every HTTP route of the catalog, with the key, fed malformed JSON, multipart and form bodies, odd encodings, sizes
/// and ids: bad input is answered 4xx (problem+json or a French page), never 5xx.
/// </summary>
public sealed class BadInputCampaignTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static readonly string[] Ids = ["x", "%2e%2e", "..%2F..", "%C3%28", new string('a', 3000), "%E2%80%AE", "-1", "99999999999999999999"];

    private static IEnumerable<(string Name, Func<HttpContent?> Body)> Bodies()
    {
        static HttpContent Raw(byte[] bytes, string contentType)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        static HttpContent Text(string text, string contentType) => Raw(Encoding.UTF8.GetBytes(text), contentType);
        var boundary = "----campagne";
        yield return ("no body", () => null);
        yield return ("empty json", () => Text(string.Empty, "application/json"));
        yield return ("truncated json", () => Text("{\"title\": \"Appel\", ", "application/json"));
        yield return ("json array", () => Text("[1, 2, 3]", "application/json"));
        yield return ("json string", () => Text("\"texte\"", "application/json"));
        yield return ("json wrong types", () => Text("{\"title\": 5, \"deadline\": [], \"themes\": {\"a\": 1}, \"year\": \"x\", \"email\": null}", "application/json"));
        yield return ("deep json", () => Text(new string('[', 5000) + new string(']', 5000), "application/json"));
        yield return ("invalid utf-8 json", () => Raw([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json; charset=utf-8"));
        yield return ("unknown charset", () => Text("{}", "application/json; charset=x-inconnu"));
        yield return ("bad content type", () => Text("{}", "application/json; ;; charset"));
        yield return ("form key over 2048", () => Text(new string('k', 3000) + "=v", "application/x-www-form-urlencoded"));
        yield return ("form value huge", () => Text("k=" + new string('v', 5_000_000), "application/x-www-form-urlencoded"));
        yield return ("form unknown charset", () => Text("k=v", "application/x-www-form-urlencoded; charset=x-inconnu"));
        yield return ("form bad escapes", () => Text("%zz=%&&==%C3%28", "application/x-www-form-urlencoded"));
        yield return ("multipart without boundary", () => Text("--x\r\n\r\n--x--", "multipart/form-data"));
        yield return ("multipart long boundary", () => Text("x", "multipart/form-data; boundary=" + new string('b', 200)));
        yield return ("multipart truncated", () => Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nnom;prenom", $"multipart/form-data; boundary={boundary}"));
        yield return ("multipart garbage", () => Text("ceci n'est pas un multipart", $"multipart/form-data; boundary={boundary}"));
        yield return ("multipart key over 2048", () => Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"{new string('k', 3000)}\"\r\n\r\nv\r\n--{boundary}--\r\n", $"multipart/form-data; boundary={boundary}"));
        yield return ("multipart header line too long", () => Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('f', 20000)}\"\r\n\r\nv\r\n--{boundary}--\r\n", $"multipart/form-data; boundary={boundary}"));
        yield return ("multipart empty file", () => Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/pdf\r\n\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{{\"title\":\r\n--{boundary}--\r\n", $"multipart/form-data; boundary={boundary}"));
        yield return ("csv with nul and controls", () => Raw([.. "nom;prenom;email\n"u8, 0x00, 0x01, 0x1B, .. ";\u0001;x@example.org\n"u8], "text/csv"));
        yield return ("csv with noncharacters", () => Raw([.. "nom"u8, 0xEF, 0xBF, 0xBE, .. ";prenom;email\nLe Gall"u8, 0xEF, 0xBF, 0xBF, .. ";Anna;x@example.org\n"u8], "text/csv"));
        yield return ("xml", () => Text("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>", "application/xml"));
        yield return ("binary", () => Raw([0xFF, 0xFE, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47], "application/octet-stream"));
    }

    private static string Fill(string route, string id) =>
        System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", id);

    [Fact]
    public async Task No_route_answers_5xx_to_malformed_input()
    {
        using var client = _host.CreateAdminClient();
        var failures = new List<string>();
        var requests = 0;
        async Task TryAsync(string method, string path, Func<HttpContent?> body, string what)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/api/" + path, UriKind.Relative)) { Content = body() };
            requests++;
            try
            {
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} /api/{(path.Length > 80 ? path[..80] + "…" : path)} ({what}) → {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{method} /api/{path} ({what}) → {ex.GetType().Name}: {ex.Message}");
            }
        }

        foreach (var function in FunctionCatalog.Http)
        {
            foreach (var method in function.Methods)
            {
                foreach (var id in Ids.Where(_ => function.Route.Contains('{', StringComparison.Ordinal)))
                {
                    await TryAsync(method, Fill(function.Route, id) + "?dryRun=peut-etre&year=x&status=%00&format=exe", () => null, "id " + id[..Math.Min(id.Length, 12)]);
                }
                if (method is "GET" or "DELETE")
                {
                    continue;
                }
                foreach (var (name, body) in Bodies())
                {
                    await TryAsync(method, Fill(function.Route, "x") + "?dryRun=true", body, name);
                }
            }
        }

        Assert.True(requests > 500, $"only {requests} requests were made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} bad requests answered 5xx:\n" + string.Join('\n', failures));
    }
}
