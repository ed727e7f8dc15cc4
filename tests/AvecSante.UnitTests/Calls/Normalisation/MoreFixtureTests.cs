using System.Globalization;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Tests.Shared;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// The reader against our own readings of fixtures/calls/more (tests/Shared/CallFixtureReadings.cs): every deadline, and
/// every funder but the few it still names otherwise, listed here so that a change either way shows.
/// </summary>
public sealed class MoreFixtureTests
{
    /// <summary>Funders the reader still names otherwise than a person does (what it reads is in the accuracy benchmark).</summary>
    private static readonly HashSet<string> FunderStillMissed = new(StringComparer.Ordinal)
    {
        "at-periurbain-rec071-habitat-inclusif.csv",          // three bodies "accompagnent"; the record lists the CNSA first
        "at-periurbain-rec234-qualite-air-entreprises.csv",   // the fund's name in the title wins over the record's funder
        "kf-fondations-r06-insertion-investissement.txt",     // "la Fondation ENGIE a décidé d'apporter son soutien à la FAPE ENGIE"
    };

    private static string More => Path.Combine(Fixtures.Root, "calls", "more");

    public static TheoryData<string> Files => [.. CallFixtureReadings.More.Select(r => r.File)];

    private static NormalisedCall Read(string folder, string file) =>
        CallTextNormaliser.Normalise(File.ReadAllText(Path.Combine(folder, file)), null, null, null, CallFixtureReadings.Now);

    private static bool DeadlineRight(CallReading reading, NormalisedCall call) =>
        (reading.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : (DateTimeOffset?)null) == call.Deadline;

    [Fact]
    public void The_readings_cover_every_text_of_the_set()
    {
        var files = Directory.GetFiles(More).Select(Path.GetFileName).Where(f => f != "PROVENANCE.md").Order(StringComparer.Ordinal);

        Assert.Equal(files, CallFixtureReadings.More.Select(r => r.File).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_further_real_call_closes_when_we_read_it_does(string file)
    {
        var reading = CallFixtureReadings.More.Single(r => r.File == file);

        var call = Read(More, file);

        Assert.True(DeadlineRight(reading, call), $"expected {reading.Deadline ?? "none"}, read {call.Deadline?.ToString("O", CultureInfo.InvariantCulture) ?? "none"} ({call.DeadlineEvidence})");
        if (call.Deadline is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(call.DeadlineEvidence));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_further_real_call_names_the_funder_we_read_and_the_known_misses_are_still_misses(string file)
    {
        var reading = CallFixtureReadings.More.Single(r => r.File == file);

        var call = Read(More, file);

        Assert.Equal(!FunderStillMissed.Contains(file), CallReading.SameFunder(reading.Funder, call.Funder.Name));
    }

    [Fact]
    public void Both_sets_together_reach_95_percent_of_deadlines_and_90_percent_of_funders()
    {
        var all = CallFixtureReadings.Other.Select(r => (Reading: r, Call: Read(Fixtures.CallsOther, r.File)))
            .Concat(CallFixtureReadings.More.Select(r => (Reading: r, Call: Read(More, r.File))))
            .ToList();

        var deadlines = all.Count(x => DeadlineRight(x.Reading, x.Call)) / (double)all.Count;
        var funders = all.Count(x => CallReading.SameFunder(x.Reading.Funder, x.Call.Funder.Name)) / (double)all.Count;

        Assert.True(deadlines >= 0.95, $"deadlines {deadlines:P0}");
        Assert.True(funders >= 0.90, $"funders {funders:P0}");
    }
}
