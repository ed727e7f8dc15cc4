using System.Globalization;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Tests.Shared;

namespace AvecSante.Benchmarks;

/// <summary>
/// The reader against our own readings of real calls (tests/Shared/CallFixtureReadings.cs, the answers the unit tests
/// hold it to): per fixture set, how many deadlines (the same instant, or both none) and funders (the same name, case, accents and punctuation aside) it gets
/// right. <c>--misses</c> lists each miss, what was expected and what was read; <c>--show set/file</c> prints
/// what the reader makes of one file.
/// </summary>
internal static class AccuracyBenchmark
{
    public static int Run(string[] args)
    {
        var misses = args.Contains("--misses");
        var root = FixtureRoot();
        if (args.Length == 2 && args[0] == "--show")
        {
            return Show(Path.Combine(root, args[1]));
        }
        var sets = new (string Name, IReadOnlyList<CallReading> Readings)[] { ("other", CallFixtureReadings.Other), ("more", CallFixtureReadings.More) };
        int allDeadlines = 0, allFunders = 0, all = 0;
        Console.WriteLine($"Read at {CallFixtureReadings.Now:yyyy-MM-dd HH:mm zzz}, fixtures from {root}");
        Console.WriteLine("| set | calls | deadline right | funder right |");
        Console.WriteLine("| --- | --- | --- | --- |");
        var lines = new List<string>();
        foreach (var (name, readings) in sets)
        {
            int deadlines = 0, funders = 0;
            foreach (var reading in readings)
            {
                var call = CallTextNormaliser.Normalise(File.ReadAllText(Path.Combine(root, name, reading.File)), null, null, null, CallFixtureReadings.Now);
                var expected = reading.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
                var deadlineRight = expected == call.Deadline;
                var funderRight = CallReading.SameFunder(reading.Funder, call.Funder.Name);
                deadlines += deadlineRight ? 1 : 0;
                funders += funderRight ? 1 : 0;
                if (!deadlineRight)
                {
                    lines.Add($"{name}/{reading.File}: deadline expected {reading.Deadline ?? "none"}, read {Format(call.Deadline)} ({call.DeadlineEvidence})");
                }
                if (!funderRight)
                {
                    lines.Add($"{name}/{reading.File}: funder expected « {reading.Funder} », read « {call.Funder.Name} »");
                }
            }
            Console.WriteLine($"| {name} | {readings.Count} | {Percent(deadlines, readings.Count)} | {Percent(funders, readings.Count)} |");
            (allDeadlines, allFunders, all) = (allDeadlines + deadlines, allFunders + funders, all + readings.Count);
        }
        Console.WriteLine($"| together | {all} | {Percent(allDeadlines, all)} | {Percent(allFunders, all)} |");
        if (misses)
        {
            lines.ForEach(Console.WriteLine);
        }
        return 0;
    }

    /// <summary>What the reader makes of one file: to see why it misses.</summary>
    private static int Show(string path)
    {
        var call = CallTextNormaliser.Normalise(File.ReadAllText(path), null, null, null, CallFixtureReadings.Now);
        Console.WriteLine($"title: {call.Title}");
        Console.WriteLine($"funder: {call.Funder.Name} ({call.Funder.Kind})");
        Console.WriteLine($"deadline: {Format(call.Deadline)} « {call.DeadlineEvidence} » rolling {call.IsRolling}; structured {call.StructuredDeadline}; {call.DeadlineDisagreement}");
        foreach (var d in call.DeadlineSessions.Concat(call.IntermediateDates))
        {
            Console.WriteLine($"  {d.Role} {Format(d.Instant)} « {d.Evidence} »");
        }
        Console.WriteLine($"funding call: {call.IsFundingCall} {call.NotFundingReason}; review: {string.Join(" ", call.ReviewReasons)}");
        return 0;
    }

    private static string Percent(int right, int total) =>
        total == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{right}/{total} ({100.0 * right / total:F0} %)");

    private static string Format(DateTimeOffset? instant) =>
        instant is { } i ? i.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "none";

    private static string FixtureRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "fixtures", "calls");
            if (File.Exists(Path.Combine(dir.FullName, "AvecSante.Functions.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException("../shared/fixtures/calls not found beside the repository.");
    }
}
