using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The yearly-report step of the demo: the report of the demo year (this year: what the demo just stored) compiled on
/// demand, its files listed with their SHA-256, then downloaded into .local/reports/{year}/ to open with Word or LibreOffice.
/// </summary>
internal static class ReportDemo
{
    public static async Task RunAsync(HttpClient http, Uri baseUrl, string key, string root)
    {
        var year = DateTime.UtcNow.Year;
        Demo.Step($"Yearly report: the activity report of {year} is compiled on demand (the timer does it on 15 January for the year before)");
        using var response = await http.PostAsync(new Uri($"api/reports/annual/{year}", UriKind.Relative), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Accepted))
        {
            throw new InvalidOperationException($"POST api/reports/annual/{year} answered {(int)response.StatusCode}: {body}");
        }
        for (var i = 0; i < 60 && body.GetProperty("status").GetString() is "queued" or "running"; i++)
        {
            // 202: the compilation waits on the work queue, then runs; poll the status resource the Location header names.
            await Task.Delay(1000);
            body = await http.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        }
        Console.WriteLine($"   -> {(int)response.StatusCode} {response.StatusCode}: {body.GetProperty("status").GetString()} in {body.GetProperty("seconds")} s");

        var folder = Path.Combine(root, ".local", "reports", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        foreach (var file in body.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("fileName").GetString()!;
            var bytes = await http.GetByteArrayAsync(new Uri(file.GetProperty("href").GetString()!));
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
            Console.WriteLine($"      {name}  ({bytes.Length / 1024} KiB, sha256 {file.GetProperty("sha256").GetString()![..12]}…)");
        }
        Console.WriteLine($"   -> saved in {folder} (open the .docx with Word or LibreOffice; the .xlsx is the annex)");
        Console.WriteLine($"   Report:         {new Uri(baseUrl, $"api/reports/annual/{year}")}?code={key}");
    }
}
