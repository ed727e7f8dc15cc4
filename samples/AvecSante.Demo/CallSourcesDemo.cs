using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

/// <summary>
/// Calls arriving from sources: serves samples/sources on http://127.0.0.1:7072/ (AVECSANTE_SOURCES_PORT, as run.sh
/// sets it, for another port; an ARS-like listing, a feed, an
/// aides-territoires answer, a partner's JSON listing — all synthetic) while the local host ingests them, then shows a
/// pasted CPAM email previewed as the call it would become.
/// </summary>
internal static class CallSourcesDemo
{
    /// <summary>7072 unless run.sh was given another port (AVECSANTE_SOURCES_PORT); the samples name 7072 in their links.</summary>
    public static readonly string SourcesPrefix = $"http://127.0.0.1:{Environment.GetEnvironmentVariable("AVECSANTE_SOURCES_PORT") ?? "7072"}/";

    public static async Task RunAsync(HttpClient http, string root, string mailFolder)
    {
        Demo.Step("Calls arrive from the sources (samples/sources, synthetic, served on " + SourcesPrefix + ")");
        using var server = new HttpListener();
        server.Prefixes.Add(SourcesPrefix);
        server.Start();
        using var stop = new CancellationTokenSource();
        var serving = ServeAsync(server, Path.Combine(root, "samples", "sources"), stop.Token);

        var before = Demo.CountEmails(mailFolder);
        var run = await Demo.PostAsync(http, "api/calls/ingest", "{}");
        foreach (var source in run.Body.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("enabled").GetBoolean()))
        {
            Console.WriteLine($"   {source.GetProperty("source").GetString(),-24} {source.GetProperty("status").GetString(),-6} seen {source.GetProperty("seen")}, new {source.GetProperty("new")}, changed {source.GetProperty("changed")}, rejected {source.GetProperty("rejected")}"
                + (source.GetProperty("lastError").GetString() is { } error ? $" — {error}" : string.Empty));
        }
        var second = await Demo.PostAsync(http, "api/calls/ingest", "{}");
        var newOnSecondRun = second.Body.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("new").GetInt32());
        Console.WriteLine($"   A second run: {newOnSecondRun} new call(s). Each call is stored once, with every source that mentioned it.");
        Console.WriteLine("   (The sources of local.settings.sample.json that point at the real ARS and aides-territoires are off.)");

        var open = await http.GetFromJsonAsync<JsonElement>(new Uri("api/calls?status=open", UriKind.Relative));
        foreach (var call in open.EnumerateArray())
        {
            Console.WriteLine($"   • {call.GetProperty("funder").GetString()} — « {call.GetProperty("title").GetString()} » — {(call.GetProperty("deadlineParis").GetString() ?? "au fil de l'eau")}");
        }
        await Demo.PostAsync(http, "api/notifications/dispatch", "{}");
        Console.WriteLine($"   -> {Demo.CountEmails(mailFolder) - before} new alert email(s) for the matching coordinators");

        await stop.CancelAsync();
        server.Stop();
        await serving;

        Demo.Step("A staff member pastes a CPAM email to see the call it becomes (POST /api/calls/preview, nothing stored)");
        var pasted = """
            De : partenariats@cpam-56.example.org
            Objet : Appel à projets « Dépistage des cancers : aller vers » (synthétique)

            Bonjour,
            La CPAM du Morbihan lance un appel à projets pour soutenir les actions de dépistage organisé des cancers portées
            par les maisons de santé pluriprofessionnelles et les CPTS du département. Une lettre d'intention est attendue
            avant le 4 décembre ; les dossiers complets sont à envoyer au plus tard le 18 décembre 2026 inclus à midi.
            """;
        var preview = await Demo.PostAsync(http, "api/calls/preview", JsonSerializer.Serialize(new { text = pasted, sender = "partenariats@cpam-56.example.org" }));
        var previewed = preview.Body.GetProperty("call");
        Console.WriteLine($"   -> funder {previewed.GetProperty("funder").GetString()}, deadline {previewed.GetProperty("deadlineParis").GetString()}");
        Console.WriteLine($"      from « {preview.Body.GetProperty("deadlineEvidence").GetString()} »; themes {string.Join(", ", previewed.GetProperty("themes").EnumerateArray())}");
    }

    private static async Task ServeAsync(HttpListener server, string folder, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync().WaitAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            // aides-territoires: the key exchange, then the search results.
            (string? File, string? Body, string Type) answer = path switch
            {
                "/api/connexion/" => (null, "{\"token\":\"demo-token\"}", "application/json"),
                "/api/aids/" => (Path.Combine(folder, "aides-territoires", "aids.json"), null, "application/json"),
                _ => (Path.GetFullPath(Path.Combine(folder, path.TrimStart('/'))), null, path.EndsWith(".xml", StringComparison.Ordinal) ? "application/rss+xml" : path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/html"),
            };
            var bytes = answer.Body is { } body ? Encoding.UTF8.GetBytes(body)
                : answer.File is { } file && file.StartsWith(folder, StringComparison.Ordinal) && File.Exists(file)
                    ? Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(file, stop)).Replace("http://127.0.0.1:7072/", SourcesPrefix, StringComparison.Ordinal))
                : null;
            context.Response.StatusCode = bytes is null ? 404 : 200;
            context.Response.ContentType = answer.Type + "; charset=utf-8";
            if (bytes is not null)
            {
                await context.Response.OutputStream.WriteAsync(bytes, stop);
            }
            context.Response.Close();
        }
    }
}
