using AvecSante.LocalHost.Hosting;
using Microsoft.AspNetCore.Http;

namespace AvecSante.UnitTests.Hosting;

public sealed class FunctionKeysTests
{
    private readonly FunctionKeys _keys = new(new Dictionary<string, string> { ["default"] = "k-1", ["staff"] = "k-2" });

    private static HttpRequest Request(string? header = null, string? code = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers["x-functions-key"] = header;
        }
        if (code is not null)
        {
            context.Request.QueryString = new QueryString("?code=" + code);
        }
        return context.Request;
    }

    [Fact]
    public void A_key_in_the_header_or_the_code_parameter_names_who_called()
    {
        Assert.Equal("staff", _keys.Identify(Request(header: "k-2")));
        Assert.Equal("default", _keys.Identify(Request(code: "k-1")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k-3")]
    [InlineData("k-1 ")]
    public void No_key_or_a_wrong_key_is_nobody(string? key)
    {
        Assert.Null(_keys.Identify(Request(header: key)));
    }
}
