using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace AvecSante.Benchmarks;

/// <summary>
/// The storage alone, without the app: what a ticketing acknowledgement asks of it (a 700-byte blob PUT with
/// If-None-Match: *, then a queue message), each call alone, and what GET health asks (one table read), from C
/// concurrent callers. Prints calls per second and p50/p99 per kind: the ceiling the acknowledgement meets on that storage.
/// </summary>
/// <remarks>Options: <c>--storage "connection string"</c> (Azurite on 10000), <c>--requests N</c> (2000), <c>--callers C</c> (50).</remarks>
internal static class StorageBenchmark
{
    public static int Run(string[] args)
    {
        var storage = Option(args, "--storage") ?? "UseDevelopmentStorage=true";
        var requests = int.Parse(Option(args, "--requests") ?? "2000", CultureInfo.InvariantCulture);
        var callers = int.Parse(Option(args, "--callers") ?? "50", CultureInfo.InvariantCulture);
        RunAsync(storage, requests, callers).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(string storage, int requests, int callers)
    {
        var name = "bench" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var container = new BlobServiceClient(storage).GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync();
        var queue = new QueueClient(storage, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        var table = new TableServiceClient(storage).GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("health", "probe"));
        var body = new byte[700];
        Random.Shared.NextBytes(body);
        var run = 0;

        async Task Blob(int i) => await container.GetBlobClient($"{run}/{i}.json").UploadAsync(new BinaryData(body), new BlobUploadOptions { Conditions = new() { IfNoneMatch = ETag.All } });
        async Task Message(int i) => await queue.SendMessageAsync($$"""{"inboxId":"{{run}}-{{i}}","source":"helloasso","blobName":"{{run}}/{{i}}.json"}""");
        async Task Read(int i) => await table.GetEntityIfExistsAsync<TableEntity>("health", "probe");

        Console.WriteLine($"{requests} operations per kind, {callers} concurrent callers");
        foreach (var (kind, operation) in new (string, Func<int, Task>)[]
        {
            ("table read (health)", Read),
            ("blob PUT", Blob),
            ("queue message", Message),
            ("blob PUT + queue message (acknowledgement)", async i => { await Blob(i); await Message(i); }),
        })
        {
            run++;
            await MeasureAsync(kind, operation, requests, callers);
        }
        await container.DeleteIfExistsAsync();
        await queue.DeleteIfExistsAsync();
        await table.DeleteAsync();
    }

    private static async Task MeasureAsync(string kind, Func<int, Task> operation, int requests, int callers)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {kind,-44} {requests / clock.Elapsed.TotalSeconds,6:0} /s   p50 {Percentile(sorted, 0.50),7:0.0} ms   p99 {Percentile(sorted, 0.99),7:0.0} ms"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
