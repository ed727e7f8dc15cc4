using AvecSante.Api.Http;
using Microsoft.AspNetCore.Http;

namespace AvecSante.UnitTests.Hosting;

public sealed class SensitiveUrlsTests
{
    [Theory]
    [InlineData("/api/calls", "?code=abc&status=open", "/api/calls?code=***&status=open")]
    [InlineData("/api/ticketing/helloasso", "?secret=s3cr3t", "/api/ticketing/helloasso?secret=***")]
    [InlineData("/api/members/people", "?CODE=abc&name=louise.exemple%40example.org", "/api/members/people?CODE=***&name=***")]
    [InlineData("/api/preferences/eyJwIjoicC0wMDAxIn0.c2ln", "", "/api/preferences/***")]
    [InlineData("/api/unsubscribe/eyJwIjoicC0wMDAxIn0.c2ln", "?x=1", "/api/unsubscribe/***?x=1")]
    [InlineData("/api/calls/c-1234", "", "/api/calls/c-1234")]
    [InlineData("/api/unknown/louise@example.org", "", "/api/unknown/***")]
    public void Keys_secrets_tokens_and_addresses_are_masked_and_the_rest_kept(string path, string query, string expected) =>
        Assert.Equal(expected, SensitiveUrls.Redact(new PathString(path), new QueryString(query.Length == 0 ? null : query)));

    [Fact]
    public void A_long_segment_on_a_route_the_catalogue_does_not_know_is_taken_for_a_token() =>
        Assert.Equal("/api/espace/***", SensitiveUrls.RedactPath("/api/espace/" + new string('a', 80)));
}
