using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// Chaos run of the HelloAsso route against a running local host (docs/benchmarks.md says how to run it):
// N deliveries of which a share are byte-identical duplicates, shuffled, sent by C concurrent senders that retry
// anything but a 2xx (as HelloAsso does). Then it checks the event holds exactly one ticket per distinct item.
// Usage: AvecSante.Chaos <base-url> <function-key> <url-secret> [deliveries=10000] [duplicates=0.3] [senders=50] [capacity=0] [settle-seconds=120]
// Deliveries are acknowledged (archived and queued) and processed from the queue: after the last answer it waits up to
// settle-seconds for the queue (and, after a storage outage, the sweeper) to finish them before counting.
// A host started with Diagnostics:StorageCallsHeader=true tells the storage calls each answer took; they are summed.
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://localhost:7071/");
var key = args.Length > 1 ? args[1] : "local-dev-key";
var secret = args.Length > 2 ? args[2] : "local-helloasso-url-secret";
var deliveries = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
var duplicateShare = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 0.3;
var senders = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 50;
var capacity = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 0;
var settle = TimeSpan.FromSeconds(args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 120);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders * 2 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("x-functions-key", key);

var run = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var slug = $"chaos-{run}";
using (var created = await http.PostAsJsonAsync(new Uri("api/events", UriKind.Relative), new
{
    title = $"Chaos {run}",
    kind = "autre",
    start = "2027-06-01T09:00",
    end = "2027-06-01T17:00",
    capacity = capacity > 0 ? capacity : (int?)null,
    formSlugs = new[] { slug },
}))
{
    created.EnsureSuccessStatusCode();
    var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    Console.WriteLine($"event {eventId} (form {slug}, capacity {(capacity > 0 ? capacity : "none")})");

    // Distinct orders of one Registration item each; duplicates are byte-identical copies; then shuffled.
    var distinct = (int)Math.Round(deliveries * (1 - duplicateShare));
    var bodies = Enumerable.Range(1, distinct).Select(i => Order(slug, 900_000_000L + i)).ToList();
    var all = bodies.Concat(Enumerable.Range(0, deliveries - distinct).Select(_ => bodies[RandomNumberGenerator.GetInt32(distinct)])).ToArray();
    RandomNumberGenerator.Shuffle(all.AsSpan());

    var latencies = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
    var retries = 0;
    var storageCalls = new ConcurrentBag<int>();
    var next = -1;
    // The echo: GET /api/health (one storage round trip) on the same host, sampled while the deliveries run.
    var echo = new ConcurrentBag<double>();
    using var done = new CancellationTokenSource();
    var prober = Task.Run(async () =>
    {
        while (!done.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            using var health = await http.GetAsync(new Uri("api/health", UriKind.Relative));
            echo.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(20);
        }
    });
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < all.Length)
        {
            for (var attempt = 0; ; attempt++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ByteArrayContent(all[i]);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(new Uri($"api/ticketing/helloasso?secret={Uri.EscapeDataString(secret)}", UriKind.Relative), content);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        statuses.AddOrUpdate(body.GetProperty("status").GetString()!, 1, (_, n) => n + 1);
                        if (response.Headers.TryGetValues("X-AvecSante-Storage-Calls", out var counted))
                        {
                            storageCalls.Add(int.Parse(counted.First(), CultureInfo.InvariantCulture));
                        }
                        break;
                    }
                    if ((int)response.StatusCode < 500)
                    {
                        throw new InvalidOperationException($"delivery {i} refused: {(int)response.StatusCode} {body}");
                    }
                }
                catch (HttpRequestException)
                {
                    // Connection refused or reset: the sender tries again, as HelloAsso does.
                }
                Interlocked.Increment(ref retries);
                await Task.Delay(Math.Min(5000, 100 << Math.Min(attempt, 6)));
            }
        }
    }));
    clock.Stop();
    await done.CancelAsync();
    await prober;
    // Said as soon as the load ends: a run with the queue listener disabled drains it from here (docs/benchmarks.md).
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answered all {all.Length} deliveries in {clock.Elapsed.TotalSeconds:0.0} s; waiting up to {settle.TotalSeconds:0} s for the queue"));

    var registrations = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/events/{eventId}/registrations", UriKind.Relative));
    var tickets = registrations.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("ticketKey").GetString()!).ToList();
    var settling = Stopwatch.StartNew();
    while (tickets.Distinct(StringComparer.Ordinal).Count() < distinct && settling.Elapsed < settle)
    {
        await Task.Delay(2000);
        registrations = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/events/{eventId}/registrations", UriKind.Relative));
        tickets = registrations.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("ticketKey").GetString()!).ToList();
    }
    Console.WriteLine($"processed {settling.Elapsed.TotalSeconds:F0} s after the last answer");
    var summary = registrations.GetProperty("summary");
    var expectedConfirmed = capacity > 0 ? Math.Min(capacity, distinct) : distinct;
    var lost = distinct - tickets.Distinct(StringComparer.Ordinal).Count();
    var duplicated = tickets.Count - tickets.Distinct(StringComparer.Ordinal).Count();

    var sorted = latencies.Order().ToArray();
    var echoSorted = echo.Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        deliveries      {all.Length} ({distinct} distinct, {all.Length - distinct} duplicates), {senders} senders, {clock.Elapsed.TotalSeconds:0.0} s, {all.Length / clock.Elapsed.TotalSeconds:0} /s
        answers         {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}; retried {retries}
        ack latency     p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms
        GET health      p50 {Percentile(echoSorted, 0.50):0.0} ms, p99 {Percentile(echoSorted, 0.99):0.0} ms (same host, during the run, {echoSorted.Length} calls)
        ack / health    p50 {Percentile(sorted, 0.50) / Percentile(echoSorted, 0.50):0.00}×, p99 {Percentile(sorted, 0.99) / Percentile(echoSorted, 0.99):0.00}×
        storage calls   {(storageCalls.IsEmpty ? "not reported (start the host with Diagnostics__StorageCallsHeader=true)" : $"{storageCalls.Average():0.00} per acknowledged delivery, max {storageCalls.Max()} ({storageCalls.Count} answers)")}
        tickets         {tickets.Count} stored, {lost} lost, {duplicated} duplicated; confirmed {summary.GetProperty("confirmed").GetInt32()} (expected {expectedConfirmed}), waitlisted {summary.GetProperty("waitlisted").GetInt32()}
        """));
    var ok = lost == 0 && duplicated == 0 && tickets.Count == distinct && summary.GetProperty("confirmed").GetInt32() == expectedConfirmed;
    Console.WriteLine(ok ? "RESULT exact: every distinct item is one ticket" : "RESULT WRONG");
    return ok ? 0 : 1;
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static byte[] Order(string slug, long itemId) => JsonSerializer.SerializeToUtf8Bytes(new
{
    eventType = "Order",
    data = new
    {
        id = itemId,
        formSlug = slug,
        formType = "Event",
        date = "2027-01-15T10:00:00+01:00",
        payer = new { email = $"payer{itemId}@example.org", firstName = "Participant", lastName = itemId.ToString(CultureInfo.InvariantCulture) },
        items = new[]
        {
            new
            {
                id = itemId, type = "Registration", name = "Adhérent", amount = 2500, state = "Processed",
                user = new { firstName = "Participant", lastName = itemId.ToString(CultureInfo.InvariantCulture) },
            },
        },
        amount = new { total = 2500, vat = 0, discount = 0 },
    },
});
