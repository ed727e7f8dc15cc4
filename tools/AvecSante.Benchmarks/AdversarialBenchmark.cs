using System.Diagnostics;
using System.Text;
using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.Benchmarks;

/// <summary>
/// The normaliser on inputs built to make backtracking patterns explode (200 KB each; the unit test
/// AdversarialInputTests holds the same kinds): wall and CPU milliseconds per input, best of five after a warm-up.
/// </summary>
internal static class AdversarialBenchmark
{
    private const int Size = 200_000;
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static int Run()
    {
        var inputs = new (string Name, string Text)[]
        {
            ("« Date limite : 9 janvier 2027 » + spaces", "Date limite : 9 janvier 2027" + Repeat(" ")[28..]),
            ("<!-- repeated", Repeat("<!--")),
            ("\"000 \" repeated", Repeat("000 ")),
            ("<script> repeated", Repeat("<script>")),
            ("<nav> repeated", Repeat("<nav>")),
            ("<meta property=\"og:title\" repeated", Repeat("<meta property=\"og:title\" ")),
            ("<title> repeated", Repeat("<title>")),
            ("dates without years", Repeat("avant le lundi 9 janvier ")),
            ("date ranges", Repeat("du 1 janvier au ")),
            ("CPAM mentions", Repeat("cpam caisse primaire d'assurance maladie ")),
            ("spaces and newlines", Repeat(" \n \t\u00A0")),
        };
        Console.WriteLine($"{"input (200,000 characters)",-40} {"wall ms",8} {"CPU ms",8}");
        foreach (var (name, text) in inputs)
        {
            CallTextNormaliser.Normalise(text, null, null, null, Now);
            var bestWall = double.MaxValue;
            var bestCpu = double.MaxValue;
            for (var i = 0; i < 5; i++)
            {
                var cpu = ThreadCpu.Now();
                var watch = Stopwatch.StartNew();
                CallTextNormaliser.Normalise(text, null, null, null, Now);
                bestWall = Math.Min(bestWall, watch.Elapsed.TotalMilliseconds);
                bestCpu = Math.Min(bestCpu, (ThreadCpu.Now() - cpu).TotalMilliseconds);
            }
            Console.WriteLine($"{name,-40} {bestWall,8:F1} {bestCpu,8:F1}");
        }
        return 0;
    }

    private static string Repeat(string unit)
    {
        var builder = new StringBuilder(Size + unit.Length);
        while (builder.Length < Size)
        {
            builder.Append(unit);
        }
        return builder.ToString(0, Size);
    }
}
