using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The ticketing step of the demo: a regional day with 2 seats, a HelloAsso order of 3 registrations (one waitlisted),
/// the same notification again (nothing new), a refund held until staff apply it (the seat goes to the waitlist), then the emails.
/// </summary>
internal static class TicketingDemo
{
    public static async Task RunAsync(HttpClient http, Uri baseUrl, string key, string root, string mailFolder)
    {
        Demo.Step("Ticketing: a staff member creates the regional day (2 seats, sold through the HelloAsso form journee-regionale-2027)");
        var created = await Demo.PostAsync(http, "api/events", """
            {"title":"Journée régionale 2027 (démo)","kind":"journee-regionale","start":"2027-03-18T09:30","end":"2027-03-18T17:00",
             "venue":"Rennes (lieu fictif)","capacity":2,"formSlugs":["journee-regionale-2027"],
             "prices":[{"label":"Adhérent","amountCents":2500},{"label":"Non adhérent","amountCents":4000}]}
            """);
        var eventId = created.Body.GetProperty("id").GetString()!;
        Console.WriteLine($"   -> {(int)created.Status} {created.Status}: event {eventId}, {created.Body.GetProperty("startParis").GetString()} (Paris)");

        var secret = UrlSecret(root);
        var notify = $"api/ticketing/helloasso?secret={Uri.EscapeDataString(secret)}";
        var order = await File.ReadAllTextAsync(Path.Combine(root, "samples", "helloasso", "demo-order-journee-regionale.json"));
        var refund = await File.ReadAllTextAsync(Path.Combine(root, "samples", "helloasso", "demo-payment-refunded.json"));

        Demo.Step("HelloAsso notifies an order of 3 registrations (samples/helloasso/demo-order-journee-regionale.json)");
        var first = await Demo.PostAsync(http, notify, order);
        var (orderStatus, orderOutcome) = await ProcessedAsync(http, first.Body);
        Console.WriteLine($"   -> {(int)first.Status}: {first.Body.GetProperty("status").GetString()}, then from the queue: {orderStatus} {orderOutcome}");
        Demo.Step("HelloAsso sends the same notification again (it retries): nothing new");
        var again = await Demo.PostAsync(http, notify, order);
        Console.WriteLine($"   -> {(int)again.Status}: {again.Body.GetProperty("status").GetString()}");
        await ShowAsync(http, eventId);

        Demo.Step("One registration is refunded (samples/helloasso/demo-payment-refunded.json): without HelloAsso API credentials nobody can confirm it, so it is held for staff");
        var refunded = await Demo.PostAsync(http, notify, refund);
        var heldId = refunded.Body.GetProperty("deliveryId").GetString();
        var (refundStatus, refundOutcome) = await ProcessedAsync(http, refunded.Body);
        Console.WriteLine($"   -> {(int)refunded.Status}: {refunded.Body.GetProperty("status").GetString()}, then from the queue: {refundStatus} {refundOutcome} (GET api/ticketing/refunds lists it)");
        Demo.Step("A staff member checks the refund in the HelloAsso back office and applies it: the seat goes to the waitlist");
        if (refundStatus == "held")
        {
            var applied = await Demo.PostAsync(http, $"api/ticketing/refunds/{heldId}/apply", "{}");
            Console.WriteLine($"   -> {(int)applied.Status}: {applied.Body.GetProperty("outcome")}");
        }
        else
        {
            Console.WriteLine("   -> applied already, by an earlier run of the demo on the same storage");
        }
        await ShowAsync(http, eventId);

        Demo.Step("The dispatcher sends the confirmations (with the .ics), the waitlist notice and the freed-seat email");
        var before = Demo.CountEmails(mailFolder);
        await Demo.PostAsync(http, "api/notifications/dispatch", "{}");
        foreach (var file in Directory.EnumerateFiles(mailFolder, "*ticket-*.eml").OrderBy(f => f, StringComparer.Ordinal))
        {
            Console.WriteLine($"      {Path.GetFileName(file)}  (To: {Demo.Recipient(file)})");
        }
        Console.WriteLine($"   -> {Demo.CountEmails(mailFolder) - before} new .eml file(s)");
        Console.WriteLine($"   Registrations:  {new Uri(baseUrl, $"api/events/{eventId}/registrations")}?code={key}  (add &format=csv for Excel)");
    }

    /// <summary>
    /// The webhook answers once the delivery is archived and queued; the host's queue listener processes it a moment
    /// later. The demo waits for that (GET api/ticketing/deliveries/{id}) before it goes on.
    /// </summary>
    private static async Task<(string? Status, JsonElement Outcome)> ProcessedAsync(HttpClient http, JsonElement answer)
    {
        var id = answer.GetProperty("deliveryId").GetString();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            using var response = await http.GetAsync(new Uri($"api/ticketing/deliveries/{id}", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var delivery = await response.Content.ReadFromJsonAsync<JsonElement>();
                var status = delivery.GetProperty("status").GetString();
                if (status is not "pending")
                {
                    return (status, delivery.GetProperty("outcome").Clone());
                }
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"Delivery {id} was not processed within 30 s: is the host's queue listener running?");
    }

    private static async Task ShowAsync(HttpClient http, string eventId)
    {
        var registrations = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/events/{eventId}/registrations", UriKind.Relative));
        foreach (var r in registrations.GetProperty("registrations").EnumerateArray())
        {
            var person = r.GetProperty("personId").GetString() is { } id ? $"person {id}" : "not in the directory";
            Console.WriteLine($"      {r.GetProperty("firstName").GetString()} {r.GetProperty("lastName").GetString()}: {r.GetProperty("status").GetString()}, {r.GetProperty("amountCents").GetInt64() / 100m} €, {person}");
        }
        Console.WriteLine($"   -> totals: {registrations.GetProperty("summary")}");
    }

    /// <summary>The URL secret the host was started with: environment first, then the settings file run.sh uses.</summary>
    private static string UrlSecret(string root)
    {
        if (Environment.GetEnvironmentVariable("Ticketing__HelloAsso__UrlSecret") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        var file = Environment.GetEnvironmentVariable("AVECSANTE_SETTINGS_FILE") ?? Path.Combine(root, "local.settings.sample.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return settings.RootElement.GetProperty("Values").TryGetProperty("Ticketing:HelloAsso:UrlSecret", out var secret) && secret.GetString() is { Length: > 0 } value
            ? value
            : "local-helloasso-url-secret";
    }
}
