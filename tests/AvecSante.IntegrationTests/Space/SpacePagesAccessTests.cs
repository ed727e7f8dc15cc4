using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Api;
using AvecSante.Core.Alerts;
using AvecSante.Core.Space;
using AvecSante.IntegrationTests.Documents;
using AvecSante.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Space;

/// <summary>
/// Every page of the space, taken from the function catalogue, refuses anyone without a valid session (no cookie, a
/// forged one, one whose session was ended) and sends them to the sign-in page; with a session the same routes answer.
/// </summary>
public sealed class SpacePagesAccessTests : IAsyncLifetime, IDisposable
{
    private const string CallTitle = "Appel fictif confidentiel tabac";

    private readonly LocalHostFactory _host = new();
    private string _callId = string.Empty;
    private string _sheetId = string.Empty;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Alerts:LinkSigningKey"] = "integration-link-signing-key-0123456789";
        using var admin = _host.CreateAdminClient();
        using var call = await admin.PostAsync(new Uri("/api/calls", UriKind.Relative), JsonContent.Create(new
        {
            title = CallTitle,
            funder = "CPAM 29",
            url = "https://www.example.org/cpam29/tabac",
            deadline = "2026-12-14T12:00",
            themes = new[] { "addictions" },
        }));
        _callId = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        _sheetId = (await Uploads.PostAsync(admin, Uploads.UniquePdf("fiche"), "fiche.pdf", Uploads.Metadata("Fiche confidentielle"))).GetProperty("id").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    /// <summary>The door (sign-in form, link pages) and the token-keyed calendar feed are the only routes open without a session.</summary>
    private static IEnumerable<HttpFunction> GuardedRoutes() => FunctionCatalog.Http.Where(f =>
        (f.Route == "espace" || f.Route.StartsWith("espace/", StringComparison.Ordinal))
        && !f.Route.StartsWith("espace/connexion", StringComparison.Ordinal)
        && !f.Route.StartsWith("espace/entrer/", StringComparison.Ordinal)
        && f.Route != "espace/agenda/{token}");

    private string PathOf(HttpFunction function) =>
        "/api/" + function.Route.Replace("{id}", function.Route.Contains("bibliotheque", StringComparison.Ordinal) ? _sheetId : _callId, StringComparison.Ordinal);

    private async Task<string> SessionAsync(string email)
    {
        using var admin = _host.CreateAdminClient();
        await SpaceMembers.CoordinatorAsync(admin, email, 2026, ["addictions"]);
        var signIn = _host.Services.GetRequiredService<SpaceSignIn>();
        await signIn.RequestLinkAsync(email, "192.0.2.1", null, CancellationToken.None);
        await _host.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        var link = SpaceMembers.SignInLinksSentTo(_host.MailFolder, email).Single();
        return (await signIn.RedeemAsync(link.AbsolutePath.Split('/')[^1], CancellationToken.None)).SessionToken!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpFunction function, string? cookie)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0]), new Uri(PathOf(function), UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "avs-espace=" + cookie);
        }
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Without_a_valid_session_every_page_of_the_space_sends_to_sign_in_and_shows_nothing()
    {
        var ended = await SessionAsync("ended@example.org");
        await _host.Services.GetRequiredService<SpaceSignIn>().SignOutAsync(ended, CancellationToken.None);
        var routes = GuardedRoutes().ToList();

        Assert.Contains(routes, r => r.Route == "espace");
        Assert.Contains(routes, r => r.Route == "espace/bibliotheque/{id}");
        Assert.Contains(routes, r => r.Route == "espace/bibliotheque/{id}/fichier");
        foreach (var route in routes)
        {
            foreach (var cookie in new[] { null, SpaceSignIn.NewSecret(), ended })
            {
                using var response = await SendAsync(route, cookie);
                var body = await response.Content.ReadAsStringAsync();

                Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{route.Name} with cookie {cookie is not null}: {(int)response.StatusCode}");
                Assert.StartsWith("/api/espace/connexion", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
                Assert.DoesNotContain("confidenti", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task With_a_session_the_same_pages_answer_and_a_page_asked_for_before_sign_in_is_kept_for_after()
    {
        var session = await SessionAsync("reader@example.org");

        foreach (var route in GuardedRoutes().Where(r => r.Methods[0] == "GET"))
        {
            using var response = await SendAsync(route, session);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, $"{route.Name}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.SeeOther)
            {
                Assert.Equal("SpacePreferences", route.Name);
                Assert.StartsWith("/api/preferences/", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }
        using var call = await SendAsync(GuardedRoutes().Single(r => r.Name == "SpaceCall"), session);
        using var file = await SendAsync(GuardedRoutes().Single(r => r.Name == "SpaceSheetFile"), session);
        using var anonymous = await SendAsync(GuardedRoutes().Single(r => r.Name == "SpaceCall"), null);

        Assert.Contains(CallTitle, await call.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("%PDF", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal($"/api/espace/connexion?vers=%2Fapi%2Fespace%2Fappels%2F{_callId}", anonymous.Headers.Location?.OriginalString);
    }
}
