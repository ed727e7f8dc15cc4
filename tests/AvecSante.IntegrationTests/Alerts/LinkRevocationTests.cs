using System.Net;
using System.Net.Http.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>
/// Preferences links can be taken back (a per-person link version bumped by staff or by the person) and live 30 days
/// by default; one-click unsubscribe keeps working, and its page names nobody.
/// </summary>
public sealed class LinkRevocationTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Alerts:LinkSigningKey"] = "revocation-test-link-signing-key-0123456789";
        await _host.Services.GetRequiredService<IPeopleDirectory>().UpsertAsync(new Person
        {
            Id = "p-links",
            FirstName = "Gwenaëlle",
            LastName = "Exemple",
            Email = "gwenaelle.exemple@example.org",
            Preferences = new AlertPreferences { Themes = ["addictions"] },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private string Token(LinkPurpose purpose) => _host.Services.GetRequiredService<SignedLinks>().CreateToken("p-links", purpose);

    private async Task<HttpStatusCode> OpenAsync(string token)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/preferences/" + token, UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_link_revoked_by_staff_stops_working_and_a_link_sent_afterwards_works()
    {
        var old = Token(LinkPurpose.Preferences);
        var unsubscribe = Token(LinkPurpose.Unsubscribe);
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(old));
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        using var admin = _host.CreateAdminClient();
        using var revoked = await admin.PostAsync(new Uri("/api/members/people/p-links/links/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(1, (await revoked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("linkVersion").GetInt32());
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Gone, await OpenAsync(old));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(Token(LinkPurpose.Preferences)));
        using var client = _host.CreateClient();
        using var unsubscribed = await client.PostAsync(new Uri("/api/unsubscribe/" + unsubscribe, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        using var unknown = await admin.PostAsync(new Uri("/api/members/people/p-nobody/links/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_person_can_revoke_a_forwarded_link_from_the_page_itself()
    {
        var forwarded = Token(LinkPurpose.Preferences);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = _host.CreateClient();

        using var revoked = await client.PostAsync(new Uri("/api/preferences/" + forwarded, UriKind.Relative), new FormUrlEncodedContent([new("action", "revoke")]));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Vos liens sont désactivés", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, await OpenAsync(forwarded));
        using var save = await client.PostAsync(new Uri("/api/preferences/" + forwarded, UriKind.Relative), new FormUrlEncodedContent([new("alerts", "on")]));
        Assert.Equal(HttpStatusCode.Gone, save.StatusCode);
    }

    [Fact]
    public async Task A_preferences_link_lives_30_days_while_an_unsubscribe_link_still_works()
    {
        var preferences = Token(LinkPurpose.Preferences);
        var unsubscribe = Token(LinkPurpose.Unsubscribe);

        _host.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(HttpStatusCode.Gone, await OpenAsync(preferences));
        using var client = _host.CreateClient();
        using var unsubscribed = await client.PostAsync(new Uri("/api/unsubscribe/" + unsubscribe, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        var page = await unsubscribed.Content.ReadAsStringAsync();
        Assert.Contains("Désabonnement confirmé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Gwena", page, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", page, StringComparison.Ordinal);
    }
}
