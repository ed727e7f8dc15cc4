using System.Text;

using AvecSante.Api.Console;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.LocalHost.Hosting;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Net.Http.Headers;

using Moq;

namespace AvecSante.UnitTests.Console;

public sealed class ConsoleGateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly WebSigner _signer = new(Encoding.UTF8.GetBytes("unit-test-link-signing-key-0123456789"));

    private ConsoleGate Gate()
    {
        var options = new ConsoleOptions();
        var entra = new EntraTokenValidator(options, Mock.Of<IConfigurationManager<OpenIdConnectConfiguration>>(MockBehavior.Strict));
        return new ConsoleGate(new StaffAuthentication(options, entra, new WebSessions(_signer, _clock), new DevelopmentStaffSignIn()), new CsrfTokens(_signer));
    }

    private HttpRequest RequestWithSession(string cookieName, string purpose, string subject)
    {
        var start = new DefaultHttpContext();
        start.Request.Host = new HostString("localhost");
        new WebSessions(_signer, _clock).Start(start, cookieName, purpose, subject, TimeSpan.FromHours(1));
        var cookie = SetCookieHeaderValue.Parse(start.Response.Headers.SetCookie.ToString());
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/api/console";
        context.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return context.Request;
    }

    [Fact]
    public async Task The_audit_trail_of_what_a_signed_in_staff_member_does_names_that_person()
    {
        string? audited = null;
        var request = RequestWithSession(StaffAuthentication.DevelopmentCookie, StaffAuthentication.DevelopmentPurpose, "staff-nolwenn");

        await Gate().PageAsync(request, console =>
        {
            audited = CallerIdentity.Of(console.Http);
            return Task.FromResult(Results.Ok());
        }, CancellationToken.None);

        Assert.Equal("staff:nolwenn.exemple@example.org", audited);
    }

    [Theory]
    [InlineData(StaffAuthentication.DevelopmentCookie, "espace", "staff-nolwenn")] // a session signed for another purpose
    [InlineData(StaffAuthentication.DevelopmentCookie, StaffAuthentication.DevelopmentPurpose, "p-0001")] // not one of the staff
    public async Task A_session_that_is_not_a_staff_member_s_console_session_does_not_get_in(string cookie, string purpose, string subject)
    {
        var rendered = false;
        var result = await Gate().PageAsync(RequestWithSession(cookie, purpose, subject), _ =>
        {
            rendered = true;
            return Task.FromResult(Results.Ok());
        }, CancellationToken.None);

        Assert.False(rendered);
        var context = new DefaultHttpContext();
        await result.ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status303SeeOther, context.Response.StatusCode);
    }
}
