using AvecSante.Core.Alerts;
using AvecSante.Core.Space;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Space;

/// <summary>Sign-in to the coordinators' space by an emailed link, on Azurite: who gets a link, single use, expiry, limits.</summary>
public sealed class SpaceSignInTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Alerts:LinkSigningKey"] = "integration-link-signing-key-0123456789";
        _host.Settings["Alerts:PublicBaseUrl"] = "https://alertes.example.org/";
        _host.Settings["Space:RequestsPerClientPerHour"] = "6";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private SpaceSignIn SignIn => _host.Services.GetRequiredService<SpaceSignIn>();

    private async Task DispatchAsync() => await _host.Services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);

    private static string TokenOf(Uri link) => link.AbsolutePath.Split('/')[^1];

    [Fact]
    public async Task A_member_s_coordinator_is_mailed_a_link_that_opens_one_session_once_and_sign_out_ends_it()
    {
        using var admin = _host.CreateAdminClient();
        var personId = await SpaceMembers.CoordinatorAsync(admin, "katell.membre@example.org", 2026, ["addictions"]);

        var asked = await SignIn.RequestLinkAsync("  Katell.Membre@example.org ", "198.51.100.7", "/api/espace/appels/c-1", CancellationToken.None);
        await DispatchAsync();
        var link = Assert.Single(SpaceMembers.SignInLinksSentTo(_host.MailFolder, "katell.membre@example.org"));
        var first = await SignIn.RedeemAsync(TokenOf(link), CancellationToken.None);
        var second = await SignIn.RedeemAsync(TokenOf(link), CancellationToken.None);
        var signedIn = await SignIn.ResolveSessionAsync(first.SessionToken, CancellationToken.None);
        await SignIn.SignOutAsync(first.SessionToken, CancellationToken.None);

        Assert.Equal(SignInRequestOutcome.Accepted, asked);
        Assert.StartsWith("https://alertes.example.org/api/espace/entrer/", link.ToString(), StringComparison.Ordinal);
        Assert.Equal("?vers=%2Fapi%2Fespace%2Fappels%2Fc-1", link.Query);
        Assert.Equal(SignInLinkState.Valid, first.State);
        Assert.Equal(personId, signedIn?.Id);
        Assert.Equal(SignInLinkState.Used, second.State);
        Assert.Equal(SignInLinkState.Used, await SignIn.CheckAsync(TokenOf(link), CancellationToken.None));
        Assert.Null(await SignIn.ResolveSessionAsync(first.SessionToken, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_addresses_and_people_who_may_not_enter_get_the_same_answer_and_no_email()
    {
        using var admin = _host.CreateAdminClient();
        await SpaceMembers.CoordinatorAsync(admin, "lapsed@example.org", 2024, ["addictions"]);
        await SpaceMembers.CoordinatorAsync(admin, "never-paid@example.org", null, ["addictions"]);

        var answers = new[]
        {
            await SignIn.RequestLinkAsync("nobody@example.org", "198.51.100.8", null, CancellationToken.None),
            await SignIn.RequestLinkAsync("lapsed@example.org", "198.51.100.8", null, CancellationToken.None),
            await SignIn.RequestLinkAsync("never-paid@example.org", "198.51.100.8", null, CancellationToken.None),
        };
        await DispatchAsync();

        Assert.All(answers, a => Assert.Equal(SignInRequestOutcome.Accepted, a));
        Assert.False(Directory.Exists(_host.MailFolder) && Directory.GetFiles(_host.MailFolder).Length > 0);
        Assert.Equal(SignInRequestOutcome.InvalidAddress, await SignIn.RequestLinkAsync("pas une adresse", "198.51.100.8", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_link_expires_after_its_minutes_and_a_forged_one_is_refused()
    {
        using var admin = _host.CreateAdminClient();
        await SpaceMembers.CoordinatorAsync(admin, "late@example.org", 2026, []);
        await SignIn.RequestLinkAsync("late@example.org", "198.51.100.9", null, CancellationToken.None);
        await DispatchAsync();
        var token = TokenOf(SpaceMembers.SignInLinksSentTo(_host.MailFolder, "late@example.org").Single());

        _host.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await SignIn.RedeemAsync(token, CancellationToken.None);
        var forged = await SignIn.RedeemAsync(token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), CancellationToken.None);
        var preferencesToken = _host.Services.GetRequiredService<SignedLinks>().CreateToken("p-x", LinkPurpose.Preferences);

        Assert.Equal(SignInLinkState.Expired, late.State);
        Assert.Null(late.SessionToken);
        Assert.Equal(SignInLinkState.Invalid, forged.State);
        Assert.Equal(SignInLinkState.Invalid, (await SignIn.RedeemAsync(preferencesToken, CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_link_sent_before_the_person_s_links_were_taken_back_opens_nothing()
    {
        using var admin = _host.CreateAdminClient();
        var personId = await SpaceMembers.CoordinatorAsync(admin, "revoked.coordinator@example.org", 2026, ["addictions"]);
        await SignIn.RequestLinkAsync("revoked.coordinator@example.org", "198.51.100.9", null, CancellationToken.None);
        await DispatchAsync();
        var link = Assert.Single(SpaceMembers.SignInLinksSentTo(_host.MailFolder, "revoked.coordinator@example.org"));
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await _host.Services.GetRequiredService<RevocableLinks>().RevokeAsync(personId, CancellationToken.None);

        var redeemed = await SignIn.RedeemAsync(TokenOf(link), CancellationToken.None);

        Assert.Equal(SignInLinkState.Invalid, await SignIn.CheckAsync(TokenOf(link), CancellationToken.None));
        Assert.Equal(SignInLinkState.Invalid, redeemed.State);
        Assert.Null(redeemed.SessionToken);
    }

    [Fact]
    public async Task Requests_are_limited_per_address_and_per_client_whether_or_not_the_address_is_known()
    {
        var perAddress = new List<SignInRequestOutcome>();
        for (var i = 0; i < 4; i++)
        {
            perAddress.Add(await SignIn.RequestLinkAsync("unknown@example.org", $"203.0.113.{i}", null, CancellationToken.None));
        }
        var perClient = new List<SignInRequestOutcome>();
        for (var i = 0; i < 7; i++)
        {
            perClient.Add(await SignIn.RequestLinkAsync($"someone{i}@example.org", "192.0.2.50", null, CancellationToken.None));
        }
        _host.Clock.Advance(TimeSpan.FromHours(1));
        var nextHour = await SignIn.RequestLinkAsync("unknown@example.org", "203.0.113.99", null, CancellationToken.None);

        Assert.Equal([SignInRequestOutcome.Accepted, SignInRequestOutcome.Accepted, SignInRequestOutcome.Accepted, SignInRequestOutcome.TooManyRequests], perAddress);
        Assert.Equal(6, perClient.Count(o => o == SignInRequestOutcome.Accepted));
        Assert.Equal(SignInRequestOutcome.TooManyRequests, perClient[^1]);
        Assert.Equal(SignInRequestOutcome.Accepted, nextHour);
    }
}
