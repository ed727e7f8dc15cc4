using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Calls;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Documents;
using AvecSante.Infrastructure.Members;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Storage;
using AvecSante.Infrastructure.Ticketing;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.Benchmarks;

/// <summary>
/// Ten years of national-scale synthetic data (2,500 structures, 100,000 tickets, 20,000 calls, 1,000,000 sends by
/// default; --scale shrinks all four) seeded into Azurite with batched writes, then the yearly report of the last year
/// compiled through the real adapters: prints seeding time, compile time, peak memory, and every Table query's scope
/// (a query without "PartitionKey eq" is counted as a scan: the target is none).
/// </summary>
/// <remarks>Options: <c>--storage "connection string"</c> (Azurite on 10000), <c>--scale 0.1</c>, <c>--prefix p</c> with
/// <c>--skip-seed</c> to compile again over data seeded before (in a fresh process: the peak memory is then the compile's), <c>--runs N</c>, <c>--breakdown</c> (each source's read timed alone),
/// <c>--forget-totals</c> (drop the kept month totals first) and <c>--no-close</c> (do not run the daily CloseOutboxMonths job
/// before compiling): together they measure the first compile after an upgrade.</remarks>
internal static class ReportBenchmark
{
    private const int LastYear = 2026;
    private const int Years = 10;
    private static readonly string[] Kinds = ["MSP", "MSP", "MSP", "MSP", "MSP", "ESP", "CPTS", "CDS"];
    private static readonly string[] Departments = ["22", "29", "35", "56"];
    private static readonly string[] ThemeCodes = ["addictions", "sante-mentale", "nutrition-activite-physique", "perinatalite", "vaccination", "precarite", "etp", "vieillissement"];
    private static readonly string[] EventKindCodes = [EventKinds.JourneeRegionale, EventKinds.BienDansMaMsp, EventKinds.BienDansMesBaskets, EventKinds.JourneeCoordinateurs];
    private static readonly string[] Channels = ["Email", "Email", "Email", "TenantEmail", "Teams", "Calendar"];
    private static readonly string[] SendKinds = ["call-new", "call-new", "call-new", "call-reminder", "call-changed", "digest", "ticket-confirmation"];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts Table queries and whether each names its partition.</summary>
    private sealed class QueryScopePolicy : HttpPipelineSynchronousPolicy
    {
        public int Queries;
        public int Scans;
        public readonly ConcurrentBag<string> ScanSamples = [];

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get || !message.Request.Uri.Query.Contains("filter", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            Interlocked.Increment(ref Queries);
            var query = Uri.UnescapeDataString(message.Request.Uri.Query);
            if (!query.Contains("PartitionKey eq", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Scans);
                ScanSamples.Add(query);
            }
        }
    }

    public static int Run(string[] args)
    {
        var storage = Option(args, "--storage") ?? "UseDevelopmentStorage=true";
        var scale = double.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var prefix = Option(args, "--prefix") ?? "bench" + Guid.NewGuid().ToString("N")[..8];
        var runs = int.Parse(Option(args, "--runs") ?? "2", CultureInfo.InvariantCulture);
        var skipSeed = args.Contains("--skip-seed");
        var breakdown = args.Contains("--breakdown");
        var forgetTotals = args.Contains("--forget-totals");
        var noClose = args.Contains("--no-close");
        return RunAsync(storage, scale, prefix, runs, skipSeed, breakdown, forgetTotals, noClose).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string storage, double scale, string prefix, int runs, bool skipSeed, bool breakdown, bool forgetTotals, bool noClose)
    {
        var scope = new QueryScopePolicy();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(scope, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(storage, tableOptions);
        var storageOptions = MsOptions.Create(new StorageOptions { ConnectionString = storage, TablePrefix = prefix });
        var federation = MsOptions.Create(new FederationOptions { Id = "bench", Name = "Fédération fictive (benchmark)" });
        var clock = new FixedClock(new DateTimeOffset(LastYear + 1, 1, 15, 5, 5, 0, TimeSpan.Zero));
        var tables = new TableStore(service, storageOptions);
        var blobs = new BlobStore(new BlobServiceClient(storage), storageOptions);

        int Scaled(int n) => Math.Max(1, (int)(n * scale));
        var counts = (Structures: Scaled(2_500), Tickets: Scaled(100_000), Calls: Scaled(20_000), Sends: Scaled(1_000_000));
        Console.WriteLine(skipSeed
            ? $"report: prefix {prefix}, compiling {LastYear} over data seeded by an earlier run"
            : $"report: prefix {prefix}, {Years} years ({LastYear - Years + 1}-{LastYear}), {counts.Structures:N0} structures, {counts.Tickets:N0} tickets, {counts.Calls:N0} calls, {counts.Sends:N0} sends");

        if (!skipSeed)
        {
            await SeedAsync(tables, federation, clock, counts).ConfigureAwait(false);
        }

        if (forgetTotals)
        {
            // As before ADR 0011: no month totals kept yet.
            await service.DeleteTableAsync(prefix + TableSendLog.TotalsTableName).ConfigureAwait(false);
            Console.WriteLine("month totals forgotten");
        }

        var sources = new ReportSources(
            new TableStructureRepository(tables, federation),
            new TableCotisationRepository(tables, federation),
            new TableEventRepository(tables, federation, clock),
            new TableTicketStore(tables, federation, clock),
            new TableCallRepository(tables, federation),
            new TableSendLog(tables, federation, clock, NullLogger<TableSendLog>.Instance),
            new TableDocumentRepository(tables, federation));
        var reports = new AnnualReportService(
            new ReportDataReader(sources), new AnnualReportRenderer(), new TableAnnualReportArchive(tables, blobs, federation),
            new TableOutboxStore(tables, federation, clock), people: null,
            new ReportSettings(federation.Value.Name, new Uri("http://localhost:7071/api/"), [], TimeSpan.FromMinutes(15)), clock,
            NullLogger<AnnualReportService>.Instance);

        if (!noClose)
        {
            // What the daily CloseOutboxMonths job has done by the compile's date (its first run after an upgrade closes
            // the last 26 months at once; on other days it finds nothing to do).
            var close = Stopwatch.StartNew();
            var closed = await sources.Sends!.CloseMonthsAsync(CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine($"close outbox months: {closed} month(s) closed in {close.Elapsed.TotalSeconds:0.00} s");
        }

        if (breakdown)
        {
            // Each source alone, one after the other: where the compile time goes.
            async Task Time(string what, Func<Task<int>> read)
            {
                var w = Stopwatch.StartNew();
                var rows = await read().ConfigureAwait(false);
                Console.WriteLine($"   read {what}: {rows:N0} rows in {w.Elapsed.TotalSeconds:0.00} s");
            }
            await Time("structures", async () => (await sources.Structures!.ListAsync(CancellationToken.None).ConfigureAwait(false)).Count).ConfigureAwait(false);
            await Time("cotisations", async () => (await sources.Cotisations!.ListAsync(CancellationToken.None).ConfigureAwait(false)).Count).ConfigureAwait(false);
            await Time("calls of N-1 and N", async () => (await sources.Calls!.ListPublishedBetweenAsync(new DateOnly(LastYear - 1, 1, 1), new DateOnly(LastYear, 12, 31), CancellationToken.None).ConfigureAwait(false)).Count).ConfigureAwait(false);
            await Time("send totals of N (sends counted)", async () => (await sources.Sends!.TotalsOfYearAsync(LastYear, CancellationToken.None).ConfigureAwait(false)).Total).ConfigureAwait(false);
            await Time("events and tickets of N-1 and N", async () => (await new ReportDataReader(sources with { Structures = null, Cotisations = null, Calls = null, Sends = null, Documents = null }).ReadAsync(LastYear, CancellationToken.None).ConfigureAwait(false)).Events!.Sum(e => e.Tickets.Count)).ConfigureAwait(false);
        }

        for (var run = 1; run <= runs; run++)
        {
            scope.Queries = 0;
            scope.Scans = 0;
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var (running, _) = await reports.ClaimAsync(LastYear, ReportRunStatus.Running, "benchmark", null, CancellationToken.None).ConfigureAwait(false);
            var record = await reports.CompileOnceAsync(running, notifyBoard: false, CancellationToken.None).ConfigureAwait(false);
            watch.Stop();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"compile {LastYear} (run {run}): {watch.Elapsed.TotalSeconds:0.00} s, status {record.Status}, " +
                $"{scope.Queries} table queries ({scope.Scans} without PartitionKey), allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0:N0} MiB, " +
                $"peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB");
            foreach (var file in record.Files)
            {
                Console.WriteLine($"   {file.FileName}: {file.Size / 1024.0:N0} KiB, sha256 {file.Sha256[..12]}…");
            }
            foreach (var sample in scope.ScanSamples.Take(3))
            {
                Console.WriteLine($"   scan: {sample}");
            }
        }
        return scope.Scans == 0 ? 0 : 1;
    }

    internal static async Task SeedAsync(TableStore tables, Microsoft.Extensions.Options.IOptions<FederationOptions> federation, TimeProvider clock, (int Structures, int Tickets, int Calls, int Sends) counts)
    {
        var random = new Random(2026);
        var total = Stopwatch.StartNew();
        var f = federation.Value.Id;

        // Members: the repositories' own batched writes (≤ 100 rows of one partition per transaction).
        var watch = Stopwatch.StartNew();
        var structures = Enumerable.Range(0, counts.Structures).Select(i => new MemberStructure
        {
            Id = $"s-{i:D5}",
            Kind = Kinds[i % Kinds.Length],
            Name = $"Structure fictive n°{i}",
            Department = Departments[i % 4],
            AciSignatory = i % 5 != 0,
            JoinedOn = new DateOnly(LastYear - Years + 1 + (i % Years), 1 + (i % 12), 1),
        }).ToList();
        await new TableStructureRepository(tables, federation).SaveAllAsync(structures, CancellationToken.None).ConfigureAwait(false);
        var cotisations = structures.SelectMany(s => Enumerable.Range(s.JoinedOn!.Value.Year, LastYear - s.JoinedOn.Value.Year + 1)
            .Where(y => random.Next(10) != 0)
            .Select(y => new Cotisation { StructureId = s.Id, Year = y, Amount = 150m, NationalShare = 30m, PaidOn = new DateOnly(y, 3, 1), Method = "virement" })).ToList();
        await new TableCotisationRepository(tables, federation).SaveAllAsync(cotisations, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"seed members: {structures.Count:N0} structures, {cotisations.Count:N0} cotisations in {watch.Elapsed.TotalSeconds:0.0} s");

        // Events through the repository (one row each), tickets in batches of 100 in each event's partition.
        watch.Restart();
        var events = new TableEventRepository(tables, federation, clock);
        var eventsPerYear = 25;
        var ticketsPerEvent = Math.Max(1, counts.Tickets / (eventsPerYear * Years));
        var ticketTable = await tables.GetAsync(TableTicketStore.TableName, CancellationToken.None).ConfigureAwait(false);
        var eventList = new List<Event>();
        for (var y = LastYear - Years + 1; y <= LastYear; y++)
        {
            for (var i = 0; i < eventsPerYear; i++)
            {
                var start = new DateTimeOffset(y, 1 + (i % 12), 1 + (i % 27), 8, 30, 0, TimeSpan.Zero);
                var e = new Event { Id = $"ev-{y}-{i:D2}", Title = $"Journée fictive {y} n°{i}", Kind = EventKindCodes[i % 4], StartsAt = start, EndsAt = start.AddHours(8), CreatedAt = start.AddMonths(-2) };
                await events.TryAddAsync(e, CancellationToken.None).ConfigureAwait(false);
                eventList.Add(e);
            }
        }
        var ticketBatches = eventList.SelectMany(e => Enumerable.Range(0, ticketsPerEvent).Select(t => new TableEntity($"{f}~{e.Id}", $"t~webhook~{e.Id}-{t}")
        {
            ["EventId"] = e.Id,
            ["Source"] = "webhook",
            ["ExternalId"] = $"{e.Id}-{t}",
            ["AmountCents"] = t % 3 == 0 ? 4000L : 2500L,
            ["FirstName"] = "Prénom",
            ["LastName"] = "Fictif",
            ["Email"] = $"inscrit{t}@example.org",
            ["Status"] = t % 20 == 0 ? "Cancelled" : "Confirmed",
            ["WaitlistSequence"] = 0L,
            ["CreatedAt"] = e.CreatedAt,
            ["OfferPending"] = false,
            ["Attended"] = t % 7 != 0,
        }).Chunk(100)).ToList();
        await WriteBatchesAsync(ticketTable, ticketBatches).ConfigureAwait(false);
        Console.WriteLine($"seed events: {eventList.Count:N0} events, {eventList.Count * ticketsPerEvent:N0} tickets in {watch.Elapsed.TotalSeconds:0.0} s");

        // Calls: the repository's own insert (one row each, 32 at a time: the calls API has no batch write).
        watch.Restart();
        var calls = new TableCallRepository(tables, federation);
        var funders = Enumerable.Range(0, 40).Select(i => i < 4 ? $"CPAM {Departments[i]}" : i == 4 ? "ARS Bretagne" : $"Financeur fictif n°{i}").ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, counts.Calls), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var year = LastYear - Years + 1 + (i % Years);
            var published = new DateOnly(year, 1, 1).AddDays(i * 7 % 360);
            var funder = funders[i % funders.Length];
            var window = funder.StartsWith("CPAM", StringComparison.Ordinal) ? 14 + (i % 15) : 20 + (i * 13 % 70);
            await calls.TryAddAsync(new CallForProjects
            {
                Id = $"c-{i:D6}",
                Title = $"Appel fictif n°{i}",
                Funder = funder,
                PublishedOn = published,
                Deadline = i % 13 == 0 ? null : new DateTimeOffset(published.AddDays(window).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero),
                IsRolling = i % 13 == 0,
                Themes = [ThemeCodes[i % ThemeCodes.Length], ThemeCodes[(i + 3) % ThemeCodes.Length]],
                Departments = [Departments[i % 4]],
                Summary = "Appel fictif pour le banc d'essai du rapport annuel.",
                Source = "benchmark",
                CreatedAt = new DateTimeOffset(published.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            }, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        Console.WriteLine($"seed calls: {counts.Calls:N0} calls in {watch.Elapsed.TotalSeconds:0.0} s");

        // Sends: outbox message rows in their monthly partitions (only what the report reads), batches of 100.
        watch.Restart();
        var outbox = await tables.GetAsync(TableOutboxStore.TableName, CancellationToken.None).ConfigureAwait(false);
        var perMonth = counts.Sends / (Years * 12);
        var sendBatches = Enumerable.Range(0, Years * 12).SelectMany(m =>
        {
            var month = new DateTimeOffset(LastYear - Years + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(m);
            var partition = f + "~" + month.ToString("yyyyMM", CultureInfo.InvariantCulture);
            return Enumerable.Range(0, perMonth).Select(i => new TableEntity(partition, $"{m:D3}{i:D6}")
            {
                ["Kind"] = SendKinds[i % SendKinds.Length],
                ["Channel"] = Channels[i % Channels.Length],
                ["Status"] = i % 97 == 0 ? nameof(OutboxStatus.Failed) : nameof(OutboxStatus.Sent),
                ["RecipientId"] = $"p-{i % 1500}",
                ["CreatedAt"] = month.AddMinutes(i % 40000),
            }).Chunk(100);
        }).ToList();
        await WriteBatchesAsync(outbox, sendBatches).ConfigureAwait(false);
        Console.WriteLine($"seed sends: {perMonth * Years * 12:N0} outbox rows in {watch.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"seeding took {total.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task WriteBatchesAsync(TableClient table, IReadOnlyList<TableEntity[]> batches) =>
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct).ConfigureAwait(false)).ConfigureAwait(false);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
