using System.Globalization;

using AvecSante.Core.Calls.Normalisation;
using AvecSante.Tests.Shared;

namespace AvecSante.UnitTests.Calls.Normalisation;

/// <summary>
/// Our own reading of every real call in fixtures/calls/other (each file read by hand): funder, deadline with the time
/// the text gives, a piece of the evidence phrase, themes and whether it is a funding call at all. "Now" is fixed
/// (5 January 2026, within the period the pages were collected), so multi-session calls pick a stable session.
/// </summary>
public sealed class FixtureTableTests
{
    private static readonly DateTimeOffset Now = CallFixtureAnswers.Now;

    /// <summary>The table lives in tests/Shared so the HTTP test of POST /api/calls/preview checks the same answers.</summary>
    public static TheoryData<string, string, string?, string?, string, bool> Table => CallFixtureAnswers.Table;

    [Fact]
    public void The_table_covers_every_fixture_file()
    {
        var files = Directory.GetFiles(Fixtures.CallsOther).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var rows = Table.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, rows);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_real_call_is_read_as_we_read_it(string file, string funder, string? deadline, string? evidence, string themes, bool isFundingCall)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(funder, call.Funder.Name);
        if (deadline is null)
        {
            Assert.Null(call.Deadline);
        }
        else
        {
            var expected = DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture);
            Assert.Equal(expected, call.Deadline);
            Assert.Equal(expected.Offset, call.Deadline!.Value.Offset);
            Assert.Contains(evidence!, call.DeadlineEvidence, StringComparison.Ordinal);
        }
        Assert.Equal(themes, string.Join(",", call.Themes));
        Assert.Equal(isFundingCall, call.IsFundingCall);
    }

    [Theory]
    [InlineData("idf-btp-circulaire_17ac84b2.txt", "2025-06-15")]
    [InlineData("idf-challenge-ia-sante_32b375f4.txt", "2024-12-05")]
    [InlineData("idf-ifas-aide-soignant_e9383faf.txt", "2024-05-30")]
    [InlineData("idf-methanisation_44095768.txt", "2024-11-19")]
    [InlineData("ssd93-quartiers-ete_2bc1f991.txt", "2025-05-15")]
    public void A_wrong_structured_date_loses_to_the_text_and_the_disagreement_is_recorded(string file, string structured)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(DateOnly.Parse(structured, CultureInfo.InvariantCulture), call.StructuredDeadline);
        Assert.NotNull(call.DeadlineDisagreement);
        Assert.NotEqual(DateOnly.Parse(structured, CultureInfo.InvariantCulture), DateOnly.FromDateTime(call.Deadline!.Value.DateTime));
    }

    [Theory]
    [InlineData("idf-challenge-ia-industrie_484b65af.txt")]
    [InlineData("paris-seniors-prevention-autonomie_c1a07043.txt")]
    [InlineData("paris-trophees-ess_d9491e82.txt")]
    public void A_structured_date_that_matches_the_text_raises_no_disagreement(string file)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Null(call.DeadlineDisagreement);
    }

    [Fact]
    public void Intermediate_dates_of_real_calls_are_kept_apart_from_the_deadline()
    {
        var btp = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-btp-circulaire_17ac84b2.txt"), null, null, null, Now);
        var ifas = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-ifas-aide-soignant_e9383faf.txt"), null, null, null, Now);

        Assert.Contains(btp.IntermediateDates, d => d.Date == new DateOnly(2025, 5, 19));
        Assert.Contains(ifas.IntermediateDates, d => d.Date == new DateOnly(2024, 3, 15) && d.Evidence.Contains("intention", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_session_of_a_multi_session_call_is_listed()
    {
        var cinema = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-reseaux-cinema_682b67d4.txt"), null, null, null, Now);
        var methanisation = CallTextNormaliser.Normalise(Fixtures.ReadCall("idf-methanisation_44095768.txt"), null, null, null, Now);

        Assert.Equal([new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 7, 1)], cinema.DeadlineSessions.Select(s => s.Date));
        Assert.Equal([new DateOnly(2024, 5, 7), new DateOnly(2024, 6, 6), new DateOnly(2024, 9, 12)], methanisation.DeadlineSessions.Select(s => s.Date));
    }

    [Theory]
    [InlineData("idf-challenge-ia-industrie_484b65af.txt", 500_000, AmountKind.MaximumPerProject)]
    [InlineData("idf-challenge-ia-sante_32b375f4.txt", 500_000, AmountKind.Total)]
    [InlineData("paris-culture-scientifique_402b1e22.txt", 150_000, AmountKind.Total)]
    [InlineData("paris-trophees-ess_d9491e82.txt", 25_000, AmountKind.MaximumPerProject)]
    public void The_amount_is_the_one_stated_for_this_call(string file, int euros, AmountKind kind)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Equal(euros, call.Amount?.Euros);
        Assert.Equal(kind, call.Amount?.Kind);
    }

    [Theory]
    [InlineData("idf-btp-circulaire_17ac84b2.txt")] // only a floor ("supérieur à 10.000€")
    [InlineData("paris-prevention-rixes_6381d23a.txt")] // only the 2025 edition's budget, in the attached rules
    [InlineData("paris-ami-realite-virtuelle_0bc834d4.txt")] // only a fee per m² and day
    public void Floors_fees_and_past_budgets_are_not_taken_for_the_amount(string file)
    {
        var call = CallTextNormaliser.Normalise(Fixtures.ReadCall(file), null, null, null, Now);

        Assert.Null(call.Amount);
    }

    [Fact]
    public void Calls_of_another_region_map_to_no_department()
    {
        foreach (var file in Directory.GetFiles(Fixtures.CallsOther))
        {
            var call = CallTextNormaliser.Normalise(File.ReadAllText(file), null, null, null, Now);
            Assert.Empty(call.Departments);
        }
    }
}
