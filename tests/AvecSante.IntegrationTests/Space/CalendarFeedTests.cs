using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Calls;
using AvecSante.Core.Space;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Space;

/// <summary>The personal calendar feed over HTTP, read by ical.js: Paris time, moved deadlines, cancellation, privacy, revocation.</summary>
public sealed class CalendarFeedTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Alerts:PublicBaseUrl"] = "https://alertes.example.org/";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static async Task<string> SubmitAsync(HttpClient admin, string title, string theme, string deadline)
    {
        using var response = await admin.PostAsync(new Uri("/api/calls", UriKind.Relative), JsonContent.Create(new
        {
            title,
            funder = "CPAM 29",
            url = "https://www.example.org/cpam29/" + Uri.EscapeDataString(title),
            deadline,
            themes = new[] { theme },
            departments = new[] { "29" },
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<IReadOnlyList<IcalJs.Event>> FeedAsync(HttpClient anonymous, string token)
    {
        using var response = await anonymous.GetAsync(new Uri($"/api/espace/agenda/{token}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var (method, events) = await IcalJs.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("PUBLISH", method);
        return events;
    }

    [Fact]
    public async Task Each_person_s_feed_holds_only_their_calls_in_Paris_time_and_follows_a_moved_then_cancelled_deadline()
    {
        using var admin = _host.CreateAdminClient();
        using var anonymous = _host.CreateClient();
        var katell = await SpaceMembers.CoordinatorAsync(admin, "katell.agenda@example.org", 2026, ["addictions"]);
        var yann = await SpaceMembers.CoordinatorAsync(admin, "yann.agenda@example.org", 2026, ["perinatalite"]);
        var tabac = await SubmitAsync(admin, "Appel fictif tabac", "addictions", "2026-12-14T12:00");
        await SubmitAsync(admin, "Appel fictif périnatalité", "perinatalite", "2027-01-08T18:00");
        var calendar = _host.Services.GetRequiredService<PersonalCalendar>();
        var katellToken = await calendar.IssueAsync(katell, CancellationToken.None);
        var yannToken = await calendar.IssueAsync(yann, CancellationToken.None);

        var before = Assert.Single(await FeedAsync(anonymous, katellToken));
        var yannsOnly = Assert.Single(await FeedAsync(anonymous, yannToken));
        await ChangeAsync(tabac, c => c with { Deadline = new DateTimeOffset(2026, 12, 21, 11, 0, 0, TimeSpan.Zero) }, "deadline");
        var moved = Assert.Single(await FeedAsync(anonymous, katellToken));
        await ChangeAsync(tabac, c => c with { Status = CallStatus.Closed }, "status");
        var cancelled = Assert.Single(await FeedAsync(anonymous, katellToken));

        Assert.Equal($"appel-{tabac}@avecsante", before.Uid);
        Assert.Equal("2026-12-14T11:30:00", before.Start);
        Assert.Equal("Europe/Paris", before.StartZone);
        Assert.Equal("2026-12-14T11:00:00.000Z", before.End);
        Assert.Equal($"https://alertes.example.org/api/espace/appels/{tabac}", before.Url);
        Assert.Contains("périnatalité", yannsOnly.Summary, StringComparison.Ordinal);
        Assert.Equal(before.Uid, moved.Uid);
        Assert.Equal("2026-12-21T11:30:00", moved.Start);
        Assert.True(moved.Sequence > before.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > moved.Sequence);
    }

    [Fact]
    public async Task A_new_address_revokes_the_old_one_and_unknown_or_revoked_addresses_answer_the_same_404()
    {
        using var admin = _host.CreateAdminClient();
        using var anonymous = _host.CreateClient();
        var person = await SpaceMembers.CoordinatorAsync(admin, "revoke@example.org", 2026, []);
        var calendar = _host.Services.GetRequiredService<PersonalCalendar>();
        var first = await calendar.IssueAsync(person, CancellationToken.None);
        var second = await calendar.IssueAsync(person, CancellationToken.None);

        using var old = await anonymous.GetAsync(new Uri($"/api/espace/agenda/{first}.ics", UriKind.Relative));
        using var current = await anonymous.GetAsync(new Uri($"/api/espace/agenda/{second}.ics", UriKind.Relative));
        using var guessed = await anonymous.GetAsync(new Uri($"/api/espace/agenda/{SpaceSignIn.NewSecret()}.ics", UriKind.Relative));
        await calendar.RevokeAsync(person, CancellationToken.None);
        using var revoked = await anonymous.GetAsync(new Uri($"/api/espace/agenda/{second}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(await guessed.Content.ReadAsStringAsync(), await revoked.Content.ReadAsStringAsync());
    }

    /// <summary>A change as ingestion records it: the new value, and one more line of history.</summary>
    private async Task ChangeAsync(string id, Func<CallForProjects, CallForProjects> change, string field)
    {
        var calls = _host.Services.GetRequiredService<ICallRepository>();
        var call = (await calls.GetAsync(id, CancellationToken.None))!;
        var changed = change(call);
        var (from, to) = field == "status" ? ("open", "closed") : (call.Deadline?.ToString("O"), changed.Deadline?.ToString("O"));
        var at = _host.Clock.GetUtcNow();
        Assert.NotNull(await calls.TryUpdateAsync(changed with { History = [.. call.History, new CallChange(at, field, from, to, "manual")], UpdatedAt = at }, CancellationToken.None));
    }
}
