using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>Alerts to coordinators: a new call, a reminder, the weekly digest, the shared calendar and the Teams card as local files.</summary>
internal static class AlertsDemo
{
    private static readonly string[] Themes = ["sante-mentale"];
    private static readonly string[] Regional = ["regional"];

    public static async Task RunAsync(HttpClient http, string root, string mailFolder)
    {
        var outbox = Path.Combine(root, ".local", "outbox");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var inAWeek = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date.AddDays(7);

        Demo.Step("Alerts: a call closing in 7 days is published (invented); matching coordinators are alerted, with the deadline as .ics");
        var before = Demo.CountEmails(mailFolder);
        var call = await Demo.PostAsync(http, "api/calls", JsonSerializer.Serialize(new
        {
            title = "Appel à projets fictif « Santé mentale des jeunes en soins primaires »",
            funder = "ARS Bretagne",
            url = "https://www.example.org/ars-bretagne/appels/sante-mentale-jeunes",
            deadline = inAWeek.ToString("yyyy-MM-dd'T'12:00", CultureInfo.InvariantCulture),
            themes = Themes,
            departments = Regional,
            summary = "Exemple fictif pour la démonstration des alertes.",
        }));
        Console.WriteLine($"   -> {call.Body.GetProperty("alertsPlanned").GetInt32()} alert(s) planned; each says why it was received and links to signed preferences");

        Demo.Step("Deadline reminders (the SendReminders timer acts at 08:00 Paris; here staff ask now): J-7 for that call");
        var reminders = await Demo.PostAsync(http, "api/notifications/reminders", "{}");
        Console.WriteLine($"   -> {reminders.Body.GetProperty("planned").GetInt32()} reminder(s) planned");

        Demo.Step("The weekly digest (the SendDigest timer acts on Monday 08:00 Paris; here staff ask now)");
        var digest = await Demo.PostAsync(http, "api/notifications/digest", "{}");
        Console.WriteLine($"   -> {digest.Body.GetProperty("planned").GetInt32()} digest(s) planned");

        var dispatched = await Demo.PostAsync(http, "api/notifications/dispatch", "{}");
        Console.WriteLine($"   Dispatch: {dispatched.Body}");
        var emails = Directory.EnumerateFiles(mailFolder, "*.eml").Order(StringComparer.Ordinal).ToList();
        Console.WriteLine($"   -> {emails.Count - before} new .eml file(s); by kind: " + string.Join(", ", emails.TakeLast(emails.Count - before)
            .GroupBy(f => Path.GetFileName(f).Split('-')[2] switch { "call" => string.Join('-', Path.GetFileName(f).Split('-')[2..4]), var k => k })
            .Select(g => $"{g.Key} {g.Count()}")));
        var reminder = emails.LastOrDefault(f => Path.GetFileName(f).Contains("call-reminder", StringComparison.Ordinal));
        if (reminder is not null)
        {
            Console.WriteLine($"      a reminder: {Path.GetFileName(reminder)}");
        }
        foreach (var folder in new[] { "calendar", "teams" })
        {
            var path = Path.Combine(outbox, folder);
            var files = Directory.Exists(path) ? Directory.GetFiles(path) : [];
            Console.WriteLine($"   -> {files.Length} file(s) in {path} ({(folder == "calendar" ? "one .ics per open call's deadline: the shared calendar" : "one Adaptive Card per new call: the coordinators' Teams channel")})");
        }
        var notifications = await http.GetFromJsonAsync<JsonElement>(new Uri("api/notifications?status=failed", UriKind.Relative));
        Console.WriteLine($"   GET /api/notifications?status=failed -> {notifications.GetArrayLength()} failed send(s)");
    }
}
