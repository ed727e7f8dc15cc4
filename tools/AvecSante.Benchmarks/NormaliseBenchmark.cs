using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.Benchmarks;

/// <summary>
/// Pages parsed and tagged per second on one thread: every call of the shared fixtures (real published pages, with
/// their noise) normalised in a loop. "Typical" pages are the fixtures cut to their first 5,000 characters, the size of
/// an ARS call page's text; the full files (PDF text appended, up to 200 KB) are measured apart.
/// </summary>
/// <remarks>
/// Options: <c>--seconds N</c>; <c>--profile</c> (time per page and per stage, to find where the time goes);
/// <c>--dump FILE</c> (every output for many inputs, one JSON line each: diff two dumps to prove a change kept behaviour).
/// </remarks>
internal static class NormaliseBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var seconds = 10.0;
        var profile = false;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--dump":
                    dump = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}");
                    return 2;
            }
        }

        var folder = FixtureFolder();
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var full = files.Select(File.ReadAllText).ToArray();
        var typical = full.Select(t => t.Length > 5000 ? t[..5000] : t).ToArray();

        if (dump is not null)
        {
            return Dump(dump, files, full);
        }
        Console.WriteLine($"Fixtures: {full.Length} pages from {folder}");
        Console.WriteLine($"Typical pages: {typical.Average(t => t.Length):F0} characters on average; full pages: {full.Average(t => t.Length):F0}");
        WarmUp([.. typical, .. full], 3);
        if (profile)
        {
            Profile("typical pages", files, typical, seconds);
            Profile("full pages", files, full, seconds);
            return 0;
        }
        Measure("typical pages (first 5,000 characters)", typical, seconds);
        Measure("full pages (with PDF text)", full, seconds);
        return 0;
    }

    /// <summary>
    /// JIT and regex construction are not what we measure. One pass is not enough: tiered compilation promotes hot
    /// methods (the generated regex scanners above all) only after 30 calls and a background compile that waits until
    /// no new method has been compiled for a while; on a loaded machine that took over 5 seconds, and with one pass the
    /// first set measured (the typical pages) ran on unoptimised code, 5–10 times slower, and looked slower than the
    /// full pages. So: rounds of half a second until the speed stops rising (3 to 30 seconds).
    /// </summary>
    private static void WarmUp(string[] pages, double minimumSeconds)
    {
        var total = Stopwatch.StartNew();
        var best = 0.0;
        var flat = 0;
        while (total.Elapsed.TotalSeconds < 30)
        {
            var round = Stopwatch.StartNew();
            long count = 0;
            while (round.Elapsed.TotalSeconds < 0.5)
            {
                foreach (var page in pages)
                {
                    CallTextNormaliser.Normalise(page, null, null, null, Now);
                }
                count += pages.Length;
            }
            var speed = count / round.Elapsed.TotalSeconds;
            flat = speed > best * 1.05 ? 0 : flat + 1;
            best = Math.Max(best, speed);
            if (flat >= 4 && total.Elapsed.TotalSeconds >= minimumSeconds)
            {
                break;
            }
        }
        Console.WriteLine($"Warm-up: {total.Elapsed.TotalSeconds:F1} s");
    }

    private static void Measure(string label, string[] pages, double seconds)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Now();
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var page in pages)
            {
                CallTextNormaliser.Normalise(page, null, null, null, Now);
            }
            count += pages.Length;
        }
        watch.Stop();
        var cpu = ThreadCpu.Now() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"{label}: {count / watch.Elapsed.TotalSeconds:F0} pages/s on one thread ({count} pages in {watch.Elapsed.TotalSeconds:F1} s, {allocated / count / 1024.0:F0} KiB allocated per page)");
        if (cpu > TimeSpan.Zero)
        {
            // On a loaded machine the thread waits for a core: its CPU time varies much less than the wall clock.
            Console.WriteLine($"    {count / cpu.TotalSeconds:F0} pages per CPU second of this thread ({cpu.TotalSeconds:F1} s CPU, {100 * cpu.TotalSeconds / watch.Elapsed.TotalSeconds:F0}% of the wall clock)");
        }
    }

    /// <summary>
    /// Microseconds per page, then per stage (the public pieces the facade calls, in its order), summed over the pages.
    /// Each page gets the same share of the time, so one slow page stands out. Stages are timed apart, so their sum
    /// is only close to the whole.
    /// </summary>
    private static void Profile(string label, string[] files, string[] pages, double seconds)
    {
        var perPage = seconds / pages.Length;
        var stageTotals = new Dictionary<string, double>(StringComparer.Ordinal);
        Console.WriteLine($"--- {label}: µs per page (whole Normalise), slowest first");
        var rows = new List<(string Name, int Length, double Micros, double KiB)>();
        for (var p = 0; p < pages.Length; p++)
        {
            var page = pages[p];
            var (micros, kib) = Time(() => CallTextNormaliser.Normalise(page, null, null, null, Now), perPage / 2);
            rows.Add((Path.GetFileName(files[p]), page.Length, micros, kib));

            var document = CallDocumentReader.Read(page);
            var analysed = document.Title + "\n\n" + document.Body;
            var texts = new List<string> { analysed };
            texts.AddRange(document.Attachments.Where(a => a.IsCallDocument).Select(a => a.Text));
            var funder = FunderClassifier.Classify(null, document.Sender, document.Title, document.Body);
            var stages = new (string Name, Action Run)[]
            {
                ("read document", () => CallDocumentReader.Read(page)),
                ("deadline", () => DeadlineExtractor.Extract(texts, new DeadlineHints { PublishedOn = document.PublishedOn ?? document.UpdatedOn, StructuredDate = document.StructuredDeadline, Reference = Now })),
                ("funder", () => FunderClassifier.Classify(null, document.Sender, document.Title, document.Body)),
                ("kind", () => CallKindClassifier.Classify(document.Title, document.Body)),
                ("amount", () => AmountExtractor.Extract(analysed, 2026)),
                ("themes", () => ThemeTagger.Tag(analysed)),
                ("structure kinds", () => StructureKindDetector.Detect(document.Body, document.Eligibility)),
                ("departments", () => DepartmentDetector.Detect(analysed, funder)),
            };
            foreach (var (name, run) in stages)
            {
                var (stageMicros, _) = Time(run, perPage / 2 / stages.Length);
                stageTotals[name] = stageTotals.GetValueOrDefault(name) + stageMicros;
            }
        }
        foreach (var row in rows.OrderByDescending(r => r.Micros))
        {
            Console.WriteLine($"{row.Micros,10:F0} µs {row.KiB,8:F0} KiB {row.Length,8} chars  {row.Name}");
        }
        Console.WriteLine($"--- {label}: µs per stage, summed over the {pages.Length} pages (whole: {rows.Sum(r => r.Micros):F0} µs)");
        foreach (var (name, total) in stageTotals.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"{total,10:F0} µs  {name}");
        }
    }

    private static (double Micros, double KiB) Time(Action run, double seconds)
    {
        run();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long count = 0;
        do
        {
            run();
            count++;
        }
        while (watch.Elapsed.TotalSeconds < seconds);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (watch.Elapsed.TotalMicroseconds / count, allocated / count / 1024.0);
    }

    /// <summary>
    /// Every fixture cut at many lengths (a cut lands anywhere: inside a tag, a date, a sentence), the full files, and
    /// the summaries of the listing exports, each normalised and written as one JSON line.
    /// </summary>
    private static int Dump(string path, string[] files, string[] full)
    {
        var inputs = new List<(string Name, string Text)>();
        for (var f = 0; f < full.Length; f++)
        {
            var name = Path.GetFileName(files[f]);
            for (var cut = 150; cut < Math.Min(full[f].Length, 30_000); cut += cut < 6000 ? 73 : 997)
            {
                inputs.Add(($"{name}[..{cut}]", full[f][..cut]));
            }
            inputs.Add((name, full[f]));
        }
        var listings = Path.Combine(FixtureFolder(), "..", "listings");
        foreach (var json in Directory.GetFiles(listings, "*.json").Order(StringComparer.Ordinal))
        {
            using var parsed = JsonDocument.Parse(File.ReadAllText(json));
            var i = 0;
            foreach (var item in parsed.RootElement.EnumerateArray())
            {
                var title = item.TryGetProperty("titre", out var t) ? t.GetString() : null;
                var summary = item.TryGetProperty("resume", out var r) ? r.GetString() : null;
                inputs.Add(($"{Path.GetFileName(json)}#{i++}", $"{title}\n\n{summary}"));
            }
        }

        var options = new JsonSerializerOptions { WriteIndented = false };
        var output = new StringBuilder();
        foreach (var (name, text) in inputs)
        {
            var result = CallTextNormaliser.Normalise(text, null, null, null, Now);
            output.Append(name).Append('\t').Append(JsonSerializer.Serialize(result, options)).Append('\n');
        }
        File.WriteAllText(path, output.ToString());
        Console.WriteLine($"{inputs.Count} outputs written to {path}");
        return 0;
    }

    private static string FixtureFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "fixtures", "calls", "other");
            if (File.Exists(Path.Combine(dir.FullName, "AvecSante.Functions.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException("../shared/fixtures/calls/other not found beside the repository.");
    }
}

/// <summary>CPU time of the calling thread (Linux; zero elsewhere).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
