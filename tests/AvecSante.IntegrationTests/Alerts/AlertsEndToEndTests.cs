using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>The LocalHost on Azurite: a call's alerts land as .eml, .ics and Teams JSON files; one-click unsubscribe stops the next send.</summary>
public sealed class AlertsEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _host.Settings["Alerts:LinkSigningKey"] = "integration-link-signing-key-0123456789";
        _host.Settings["Alerts:PublicBaseUrl"] = "https://alertes.example.org/";
        _host.Settings["Alerts:TenantDomains"] = "avecsante-bretagne.example.org";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static Person Coordinator(string id, string email) => new()
    {
        Id = id,
        FirstName = "Katell",
        LastName = "Exemple",
        Email = email,
        StructureKind = "MSP",
        Department = "29",
        Preferences = new AlertPreferences { Themes = ["addictions"] },
    };

    private static JsonContent Call(string title) => JsonContent.Create(new
    {
        title,
        funder = "CPAM 29",
        url = "https://www.example.org/cpam29/appels/" + Uri.EscapeDataString(title),
        deadline = "2026-12-14T12:00",
        themes = new[] { "addictions" },
        departments = new[] { "29" },
    });

    [Fact]
    public async Task A_call_lands_as_email_calendar_and_Teams_files_and_a_one_click_unsubscribe_stops_the_next_alert()
    {
        using var admin = _host.CreateAdminClient();
        var people = _host.Services.GetRequiredService<IPeopleDirectory>();
        await people.UpsertAsync(Coordinator("p-e2e", "katell.exemple@example.org"), CancellationToken.None);
        await people.UpsertAsync(Coordinator("p-staff", "chargee@avecsante-bretagne.example.org"), CancellationToken.None);

        using var first = await admin.PostAsync(new Uri("/api/calls", UriKind.Relative), Call("Appel fictif tabac"));
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32());
        using var _ = await admin.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);

        var eml = Directory.GetFiles(_host.MailFolder, "*.eml");
        Assert.Equal(2, eml.Length);
        var external = File.ReadAllText(eml.Single(f => File.ReadAllText(f).Contains("X-AvecSante-Channel: Email", StringComparison.Ordinal)));
        using var mime = MimeKit.MimeMessage.Load(eml.Single(f => File.ReadAllText(f).Contains("X-AvecSante-Channel: Email", StringComparison.Ordinal)));
        Assert.StartsWith("<https://alertes.example.org/api/unsubscribe/", mime.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Bonjour Katell,", mime.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("%%", external, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_host.OutboxPath, "calendar"), "*.ics"));
        Assert.Single(Directory.GetFiles(Path.Combine(_host.OutboxPath, "teams"), "*.json"));

        // The mail client's one-click POST, as RFC 8058 describes it.
        var token = _host.Services.GetRequiredService<SignedLinks>().CreateToken("p-e2e", LinkPurpose.Unsubscribe);
        using var anonymous = _host.CreateClient();
        using var unsubscribed = await anonymous.PostAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("Désabonnement confirmé", await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var forged = await anonymous.PostAsync(new Uri("/api/unsubscribe/" + token[..^2] + "xx", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("text/html", forged.Content.Headers.ContentType?.MediaType);

        using var second = await admin.PostAsync(new Uri("/api/calls", UriKind.Relative), Call("Appel fictif alcool"));
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32()); // staff only
        var failed = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/notifications?status=failed", UriKind.Relative));
        Assert.Equal(0, failed.GetArrayLength());
    }

    [Fact]
    public async Task An_alert_planned_before_an_unsubscribe_is_cancelled_at_send_time()
    {
        using var admin = _host.CreateAdminClient();
        var people = _host.Services.GetRequiredService<IPeopleDirectory>();
        var person = Coordinator("p-late", "late@example.org");
        await people.UpsertAsync(person, CancellationToken.None);
        using var created = await admin.PostAsync(new Uri("/api/calls", UriKind.Relative), Call("Appel fictif écrans"));
        await people.UpsertAsync(person with { Preferences = person.Preferences with { AlertsEnabled = false } }, CancellationToken.None);

        using var _ = await admin.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);

        var cancelled = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/notifications?status=cancelled", UriKind.Relative));
        Assert.Equal("p-late", Assert.Single(cancelled.EnumerateArray()).GetProperty("recipientId").GetString());
        Assert.Empty(Directory.Exists(_host.MailFolder) ? Directory.GetFiles(_host.MailFolder) : []);
    }

    [Fact]
    public async Task Planning_many_alerts_is_exactly_once_in_batches_and_a_second_plan_adds_nothing()
    {
        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        var now = _host.Clock.GetUtcNow();
        var messages = Enumerable.Range(0, 250).Select(i => new OutboxMessage
        {
            Id = OutboxMessage.IdFor($"p{i}|batch|call-new"),
            IdempotencyKey = $"p{i}|batch|call-new",
            Kind = "call-new",
            RecipientId = $"p{i}",
            Email = new EmailContent($"p{i}@example.org", "P", "Sujet", "texte", "<p>html</p>"),
            CreatedAt = now,
            NextAttemptAt = now,
            BatchKey = "k",
            Substitutions = new Dictionary<string, string> { [EmailTokens.FirstName] = "P" + i },
        }).ToList();

        Assert.Equal(250, (await outbox.EnqueueManyAsync(messages, CancellationToken.None)).Count);
        Assert.Empty(await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        Assert.Single(await outbox.EnqueueManyAsync([.. messages.Take(10), messages[0] with { Id = OutboxMessage.IdFor("new|batch|call-new"), IdempotencyKey = "new|batch|call-new" }], CancellationToken.None));

        var due = await outbox.ListDueAsync(now, CancellationToken.None);
        Assert.Equal(251, due.Count);
        Assert.Equal("P7", due.Single(m => m.RecipientId == "p7").Substitutions![EmailTokens.FirstName]);
        var leased = await outbox.TryUpdateManyAsync(due.Select(m => m with { Status = OutboxStatus.Sending }).ToList(), CancellationToken.None);
        Assert.Equal(251, leased.Count);
        Assert.Empty(await outbox.TryUpdateManyAsync(due.Take(5).ToList(), CancellationToken.None)); // stale versions: refused
    }
}
