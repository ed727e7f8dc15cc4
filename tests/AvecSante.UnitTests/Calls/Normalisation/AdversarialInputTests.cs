using System.Diagnostics;
using System.Text;

using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// Text from outside (a feed, a page, a mailbox, a pasted preview) must not stall ingestion: every extractor reads
/// 200 KB of input built to make backtracking patterns explode in under a second. The work runs on a
/// background task so a regression fails the test instead of hanging the run.
/// </summary>
public sealed class AdversarialInputTests
{
    private const int Size = 200_000;

    /// <summary>
    /// CPU time of the reading thread: linear work on 200 KB takes 10-150 ms; a quadratic pattern takes seconds to
    /// minutes. CPU time rather than the wall clock, so a loaded shared machine does not fail the test.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(500);

    /// <summary>Wall-clock watchdog, so a regression fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<string> Inputs => new()
    {
        "deadline-then-spaces",
        "comment-openers",
        "thousands",
        "script-openers",
        "nav-openers",
        "og-title-openers",
        "title-openers",
        "body-openers",
        "angle-brackets",
        "dates-without-years",
        "date-ranges",
        "spaces-and-newlines",
        "cpam-mentions",
        "named-funders",
        "digits",
        "tag-without-end",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_whole_normaliser_reads_adversarial_input_in_a_fraction_of_a_second(string name)
    {
        var input = Build(name);

        AssertFast(name, () => CallTextNormaliser.Normalise(input, null, null, null, Now));
        AssertFast(name + " (as a mail)", () => CallTextNormaliser.Normalise(input, null, "De : " + input[..Math.Min(input.Length, 5000)], null, Now));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Each_extractor_reads_adversarial_input_in_a_fraction_of_a_second(string name)
    {
        var input = Build(name);

        AssertFast(name + " deadline", () => DeadlineExtractor.Extract(input, new DeadlineHints { StructuredDate = new DateOnly(2027, 1, 9) }));
        AssertFast(name + " funder", () => FunderClassifier.Classify(null, input, input, input));
        AssertFast(name + " amount", () => AmountExtractor.Extract(input, 2026));
        AssertFast(name + " kind", () => CallKindClassifier.Classify(input, input));
        AssertFast(name + " themes", () => ThemeTagger.Tag(input));
        AssertFast(name + " structures", () => StructureKindDetector.Detect(input));
        AssertFast(name + " departments", () => DepartmentDetector.Detect(input, Funder.Unknown));
        AssertFast(name + " document", () => CallDocumentReader.Read(input));
        AssertFast(name + " html document", () => CallDocumentReader.Read("<html><body><p>x</p>" + input + "</body></html>"));
        AssertFast(name + " scraper layout", () => CallDocumentReader.Read("TITRE: x\n\n--- SOURCE HTML ---\nDESCRIPTION: <p>" + input));
    }

    private static void AssertFast(string what, Action action)
    {
        // The first call of a method runs unoptimised code (and builds its patterns and tables): not what is measured.
        Run(action);
        var (done, cpu) = Run(action);
        Assert.True(done, $"{what}: not done after {Watchdog.TotalSeconds} s");
        Assert.True(cpu < Bound, $"{what}: {cpu.TotalMilliseconds:F0} ms of CPU");
    }

    /// <summary>On a thread of its own (not the pool, which a runaway call would starve), with its CPU time.</summary>
    private static (bool Done, TimeSpan Cpu) Run(Action action)
    {
        Exception? failure = null;
        var cpu = TimeSpan.Zero;
        var thread = new Thread(() =>
        {
            var start = ThreadCpu.Now();
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
            cpu = ThreadCpu.Now() - start;
        })
        { IsBackground = true };
        var wall = Stopwatch.StartNew();
        thread.Start();
        var done = thread.Join(Watchdog);
        if (failure is not null)
        {
            throw new InvalidOperationException("The extractor threw.", failure);
        }
        return (done, ThreadCpu.Available ? cpu : wall.Elapsed);
    }

    internal static string Build(string name) => name switch
    {
        // « Date limite : 9 janvier 2027 » followed by spaces: the time-after-date pattern backtracked cubically.
        "deadline-then-spaces" => Pad("Date limite : 9 janvier 2027", " "),
        "comment-openers" => Repeat("<!--"),
        "thousands" => Repeat("000 "),
        "script-openers" => Repeat("<script>"),
        "nav-openers" => Repeat("<nav>"),
        "og-title-openers" => Repeat("<meta property=\"og:title\" "),
        "title-openers" => Repeat("<title>"),
        "body-openers" => Repeat("<body>"),
        "angle-brackets" => Repeat("<a "),
        "dates-without-years" => Repeat("avant le lundi 9 janvier "),
        "date-ranges" => Repeat("du 1 janvier au "),
        "spaces-and-newlines" => Repeat(" \n \t\u00A0"),
        "cpam-mentions" => Repeat("cpam caisse primaire d'assurance maladie "),
        "named-funders" => Repeat("ville de a-b ") + "Région a-" + Repeat("a-"),
        "digits" => Repeat("1"),
        "tag-without-end" => "<p " + Repeat("a=\"b\" "),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Pad(string head, string unit) => head + Repeat(unit)[..(Size - head.Length)];

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
