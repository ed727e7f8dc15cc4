using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The member-file step of the demo: samples/members/adherents.csv (the CRM's export, invented people) imported as a dry
/// run, then for real, then again (nothing changes); the report summary and the refused lines with their reasons.
/// </summary>
internal static class MembersDemo
{
    public static async Task RunAsync(HttpClient http, Uri baseUrl, string key, string root)
    {
        var csv = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "members", "adherents.csv"));

        Demo.Step("Members: the CRM's CSV export (samples/members/adherents.csv) is checked first, as a dry run");
        var dry = await ImportAsync(http, csv, dryRun: true);
        Print(dry);

        Demo.Step("Members: the same file imported for real (the raw file is archived in Blob storage first)");
        var real = await ImportAsync(http, csv, dryRun: false);
        Print(real);
        foreach (var line in real.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("status").GetString() == "rejected"))
        {
            Console.WriteLine($"      line {line.GetProperty("line").GetInt32()}: {line.GetProperty("reason").GetString()}");
        }

        Demo.Step("Members: the same file once more: every line is unchanged");
        Print(await ImportAsync(http, csv, dryRun: false));
        var current = await http.GetFromJsonAsync<JsonElement>(new Uri("api/members/structures?status=current", UriKind.Relative));
        var isNew = await http.GetFromJsonAsync<JsonElement>(new Uri("api/members/structures?status=new", UriKind.Relative));
        Console.WriteLine($"   -> member structures: {current.GetArrayLength()} à jour, {isNew.GetArrayLength()} nouvelle(s) adhérente(s)");
        Console.WriteLine($"   -> export: {new Uri(baseUrl, "api/members/export")}?format=xlsx&code={key}");
    }

    private static async Task<JsonElement> ImportAsync(HttpClient http, byte[] csv, bool dryRun)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await http.PostAsync(new Uri($"api/members/import?dryRun={(dryRun ? "true" : "false")}", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST api/members/import answered {(int)response.StatusCode}: {body}");
        }
        return body;
    }

    private static void Print(JsonElement report)
    {
        var s = report.GetProperty("summary");
        Console.WriteLine($"   -> {s.GetProperty("lines").GetInt32()} lines: {s.GetProperty("accepted").GetInt32()} accepted, {s.GetProperty("updated").GetInt32()} updated, " +
            $"{s.GetProperty("unchanged").GetInt32()} unchanged, {s.GetProperty("rejected").GetInt32()} rejected (dry run: {report.GetProperty("dryRun").GetBoolean()}, SHA-256 {report.GetProperty("sha256").GetString()![..12]}…)");
    }
}
