using System.Text;

using AvecSante.Api.Web;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace AvecSante.UnitTests.Web;

public sealed class WebSecurityTests
{
    private static readonly WebSigner Signer = new(Encoding.UTF8.GetBytes("unit-test-link-signing-key-0123456789"));

    private static DefaultHttpContext Request(string host = "console.example.org", bool https = true, string? cookies = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Request.Scheme = https ? "https" : "http";
        if (cookies is not null)
        {
            context.Request.Headers.Cookie = cookies;
        }
        return context;
    }

    /// <summary>What the browser sends back: the cookies the response set.</summary>
    private static string CookiesSetBy(HttpContext response) =>
        string.Join("; ", SetCookieHeaderValue.ParseList([.. response.Response.Headers.SetCookie.Select(v => v ?? string.Empty)]).Select(c => $"{c.Name}={c.Value}"));

    private static FormCollection Form(string? token) =>
        new(token is null ? [] : new Dictionary<string, StringValues> { [CsrfTokens.FieldName] = token });

    [Fact]
    public void A_form_token_is_accepted_with_its_own_cookie_and_subject_only()
    {
        var tokens = new CsrfTokens(Signer);
        var first = Request();
        var token = tokens.TokenFor(first, "staff-1");
        var back = Request(cookies: CookiesSetBy(first));

        Assert.True(tokens.IsValid(back.Request, Form(token), "staff-1"));
        Assert.False(tokens.IsValid(back.Request, Form(token), "staff-2"));
        Assert.False(tokens.IsValid(back.Request, Form(null), "staff-1"));
        Assert.False(tokens.IsValid(Request().Request, Form(token), "staff-1")); // no cookie: another browser
        Assert.False(tokens.IsValid(Request(cookies: CsrfTokens.CookieName + "=" + new string('a', 43)).Request, Form(token), "staff-1"));
    }

    [Fact]
    public void A_post_the_browser_marks_cross_site_is_refused_even_with_a_good_token()
    {
        var tokens = new CsrfTokens(Signer);
        var first = Request();
        var token = tokens.TokenFor(first, "staff-1");
        var back = Request(cookies: CookiesSetBy(first));
        back.Request.Headers["Sec-Fetch-Site"] = "cross-site";

        Assert.False(tokens.IsValid(back.Request, Form(token), "staff-1"));
    }

    [Fact]
    public void The_form_cookie_is_issued_once_per_response_and_kept_when_the_browser_has_one()
    {
        var tokens = new CsrfTokens(Signer);
        var first = Request();
        Assert.Equal(tokens.TokenFor(first, "s"), tokens.TokenFor(first, "s"));
        Assert.Equal(1, first.Response.Headers.SetCookie.Count);

        var back = Request(cookies: CookiesSetBy(first));
        tokens.TokenFor(back, "s");
        Assert.Equal(0, back.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public void Cookies_are_Secure_HttpOnly_SameSite_and_scoped_to_the_app_except_Secure_on_plain_http_to_loopback()
    {
        var deployed = Request("avecsante.example.org", https: false); // behind the front end, the worker may see http
        WebCookies.Set(deployed, "c", "v", TimeSpan.FromHours(1), Microsoft.AspNetCore.Http.SameSiteMode.Strict);
        var cookie = SetCookieHeaderValue.Parse(deployed.Response.Headers.SetCookie.ToString());
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal(WebRoutes.CookiePath, cookie.Path.ToString());

        var local = Request("127.0.0.1", https: false);
        WebCookies.Set(local, "c", "v");
        Assert.False(SetCookieHeaderValue.Parse(local.Response.Headers.SetCookie.ToString()).Secure);
    }

    [Fact]
    public void A_session_reads_back_its_subject_until_it_expires_and_never_for_another_purpose_or_once_tampered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var sessions = new WebSessions(Signer, clock);
        var start = Request();
        sessions.Start(start, "avs-session", "console", "staff.camille@example.org", TimeSpan.FromHours(8));
        var cookies = CookiesSetBy(start);

        Assert.Equal("staff.camille@example.org", sessions.Read(Request(cookies: cookies).Request, "avs-session", "console"));
        Assert.Null(sessions.Read(Request(cookies: cookies).Request, "avs-session", "espace"));
        var value = cookies.Split('=', 2)[1];
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("staff.other@example.org")) + value[value.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Null(sessions.Read(Request(cookies: "avs-session=" + forged).Request, "avs-session", "console"));

        clock.Advance(TimeSpan.FromHours(8));
        Assert.Null(sessions.Read(Request(cookies: cookies).Request, "avs-session", "console"));
    }
}
