using System.Net.Http.Json;
using System.Text.Json;

// Plays the main job once against a running local host and says what happened, in plain words.
// Usage: AvecSante.Demo <base-url> <function-key> <repository-root>
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://localhost:7071/");
var key = args.Length > 1 ? args[1] : "local-dev-key";
var root = args.Length > 2 ? args[2] : Directory.GetCurrentDirectory();
var mailFolder = Path.Combine(root, ".local", "outbox", "mail");

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Add("x-functions-key", key);

await Demo.WaitForHealthAsync(http);

Demo.Step("A staff member submits a call for projects by hand (samples/calls/cpam29-addictions.json)");
var callJson = await File.ReadAllTextAsync(Path.Combine(root, "samples", "calls", "cpam29-addictions.json"));
var before = Demo.CountEmails(mailFolder);
var call = await Demo.PostAsync(http, "api/calls", callJson);
Console.WriteLine($"   -> {(int)call.Status} {call.Status}: « {call.Body.GetProperty("title").GetString()} », deadline {call.Body.GetProperty("deadlineParis").GetString()} (Paris)");
Console.WriteLine($"   -> {call.Body.GetProperty("alertsPlanned").GetInt32()} alert(s) planned in the outbox for the coordinators whose preferences match");

Demo.Step("The dispatcher sends what the outbox holds (the timer does it every minute; here we ask now)");
var dispatch = await Demo.PostAsync(http, "api/notifications/dispatch", "{}");
Console.WriteLine($"   -> {dispatch.Body}");
var afterFirst = Demo.CountEmails(mailFolder);
Console.WriteLine($"   -> {afterFirst - before} new .eml file(s) in {mailFolder}");
foreach (var file in Directory.EnumerateFiles(mailFolder, "*.eml").OrderBy(f => f).TakeLast(afterFirst - before))
{
    Console.WriteLine($"      {Path.GetFileName(file)}  (To: {Demo.Recipient(file)})");
}

Demo.Step("The same call is submitted again: nothing new may be sent");
var again = await Demo.PostAsync(http, "api/calls", callJson);
await Demo.PostAsync(http, "api/notifications/dispatch", "{}");
var afterSecond = Demo.CountEmails(mailFolder);
Console.WriteLine($"   -> {(int)again.Status} {again.Status}, {again.Body.GetProperty("alertsPlanned").GetInt32()} alert(s) planned, {afterSecond - afterFirst} new .eml file(s)");

await CallSourcesDemo.RunAsync(http, root, mailFolder);

Demo.Step("The federation files experience sheets (samples/documents, invented) in the capitalisation library");
foreach (var sheet in Directory.EnumerateFiles(Path.Combine(root, "samples", "documents")).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".docx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
{
    using var form = new MultipartFormDataContent();
    form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(sheet)), "file", Path.GetFileName(sheet));
    form.Add(new StringContent(await File.ReadAllTextAsync(sheet + ".json"), System.Text.Encoding.UTF8, "application/json"), "metadata");
    using var uploaded = await http.PostAsync(new Uri("api/documents", UriKind.Relative), form);
    var answer = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
    // 409 = these bytes are already in the library (the demo ran before on the same storage).
    Console.WriteLine(uploaded.StatusCode switch
    {
        System.Net.HttpStatusCode.Created => $"   -> 201 « {answer.GetProperty("title").GetString()} » ({answer.GetProperty("contentType").GetString()}, sha256 {answer.GetProperty("sha256").GetString()![..12]}…)",
        System.Net.HttpStatusCode.Conflict => $"   -> 409 already in the library: {answer.GetProperty("existingId").GetString()}",
        _ => throw new InvalidOperationException($"POST api/documents answered {(int)uploaded.StatusCode}: {answer}"),
    });
}
var addictions = await http.GetFromJsonAsync<JsonElement>(new Uri("api/documents?theme=addictions", UriKind.Relative));
Console.WriteLine($"   GET /api/documents?theme=addictions -> {addictions.GetArrayLength()} sheet(s):");
foreach (var document in addictions.EnumerateArray())
{
    Console.WriteLine($"      « {document.GetProperty("title").GetString()} » — {document.GetProperty("structure").GetString()}, {document.GetProperty("year")}");
}
var search = await http.GetFromJsonAsync<JsonElement>(new Uri("api/documents?q=meteo%20bretonne", UriKind.Relative));
Console.WriteLine($"   GET /api/documents?q=meteo bretonne (no accents) -> {string.Join(", ", search.EnumerateArray().Select(d => $"« {d.GetProperty("title").GetString()} »"))}");

await TicketingDemo.RunAsync(http, baseUrl, key, root, mailFolder);

await MembersDemo.RunAsync(http, baseUrl, key, root);

await ReportDemo.RunAsync(http, baseUrl, key, root);

await AlertsDemo.RunAsync(http, root, mailFolder);

Demo.Step("Where to look");
Console.WriteLine($"   Emails (open with any mail client): {mailFolder}");
Console.WriteLine($"   Calls:          {new Uri(baseUrl, "api/calls")}?code={key}");
Console.WriteLine($"   Call sources:   {new Uri(baseUrl, "api/calls/sources")}?code={key}");
Console.WriteLine($"   Outbox:         {new Uri(baseUrl, "api/notifications")}?code={key}");
Console.WriteLine($"   Calendar, Teams: {Path.Combine(root, ".local", "outbox", "calendar")}, {Path.Combine(root, ".local", "outbox", "teams")}");
Console.WriteLine($"   Documents:      {new Uri(baseUrl, "api/documents")}?code={key}&theme=addictions");
Console.WriteLine($"   Health:         {new Uri(baseUrl, "api/health")}");
return afterSecond == afterFirst ? 0 : 1;

internal static class Demo
{
    public static void Step(string text) => Console.WriteLine($"\n== {text}");

    /// <summary>The recipient's address of an .eml (the display name is MIME-encoded when it has accents).</summary>
    public static string Recipient(string emlPath)
    {
        var to = File.ReadLines(emlPath).Take(40).FirstOrDefault(l => l.StartsWith("To:", StringComparison.Ordinal)) ?? string.Empty;
        var start = to.IndexOf('<', StringComparison.Ordinal);
        var end = to.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? to[(start + 1)..end] : to.Replace("To:", string.Empty, StringComparison.Ordinal).Trim();
    }

    public static int CountEmails(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").Count() : 0;

    public static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"== The local host answers: GET /api/health -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The local host did not become healthy within 60 s.");
    }

    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {body}");
        }
        return (response.StatusCode, body);
    }
}
