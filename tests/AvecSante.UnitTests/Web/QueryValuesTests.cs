using AvecSante.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AvecSante.UnitTests.Web;

public sealed class QueryValuesTests
{
    private static QueryCollection Query(string name, string value) => new(new Dictionary<string, StringValues> { [name] = value });

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Rennes ", "Rennes")]
    public void A_blank_parameter_is_an_absent_one_and_a_value_is_trimmed(string raw, string? expected)
    {
        Assert.Equal(expected, QueryValues.Text(Query("commune", raw), "commune"));
        Assert.Null(QueryValues.Text(Query("commune", raw), "other"));
    }

    [Fact]
    public void A_search_longer_than_a_person_types_reads_as_no_filter()
    {
        Assert.Equal(new string('a', 200), QueryValues.Text(Query("q", new string('a', 200)), "q", QueryValues.SearchMaxLength));
        Assert.Null(QueryValues.Text(Query("q", new string('a', 201)), "q", QueryValues.SearchMaxLength));
    }

    [Theory]
    [InlineData(null, true, true, true)]
    [InlineData(" ", false, true, false)]
    [InlineData("TRUE", false, true, true)]
    [InlineData("false", true, true, false)]
    [InlineData("oui", false, false, false)]
    public void A_flag_is_true_or_false_its_default_when_absent_and_refused_otherwise(string? raw, bool absent, bool accepted, bool expected)
    {
        var query = raw is null ? QueryCollection.Empty : Query("dryRun", raw);

        Assert.Equal(accepted, QueryValues.TryFlag(query, "dryRun", absent, out var value));
        if (accepted)
        {
            Assert.Equal(expected, value);
        }
    }
}
