using System.Collections.Concurrent;
using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Alerts;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>
/// Each kind of alert through the real SendGrid client, the real Microsoft Graph SDK and the Teams webhook, against
/// WireMock servers that record the requests: what goes on the wire is what the providers document.
/// </summary>
public sealed class AlertChannelsOnTheWireTests : IDisposable
{
    private const string Mailbox = "alertes@avecsante-bretagne.example.org";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private sealed class MemoryState : IAlertStateStore
    {
        private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

        public Task SetAsync(string key, string value, CancellationToken cancellationToken)
        {
            _values[key] = value;
            return Task.CompletedTask;
        }
    }

    private sealed class ListOutbox(List<OutboxMessage> messages, TimeProvider clock) : IOutboxStore
    {
        public Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OutboxMessage>>(messages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= clock.GetUtcNow()).ToList());

        public Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            messages[messages.FindIndex(m => m.Id == message.Id)] = message;
            return Task.FromResult<OutboxMessage?>(message);
        }

        public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ErasePersonalDataAsync(string recipientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private AlertRouting Routing() => new(["avecsante-bretagne.example.org"],
        new SignedLinks(new LinkSettings("wire-test-link-signing-key-0123456789abcdef"u8.ToArray(), new Uri("https://alertes.example.org/"), TimeSpan.FromDays(90)), _clock));

    private static Person Person(string id, string email) => new()
    {
        Id = id,
        FirstName = id == "p1" ? "Maëlle" : "Katell",
        LastName = "Exemple",
        Email = email,
        Department = "29",
        StructureKind = "MSP",
    };

    private CallForProjects Call() => new()
    {
        Id = "c1",
        Title = "Prévention des addictions en MSP",
        Funder = "CPAM 29",
        Source = "manual",
        Url = new Uri("https://example.org/appels/c1"),
        Deadline = new DateTimeOffset(2027, 1, 22, 11, 0, 0, TimeSpan.Zero),
        Themes = ["addictions"],
        Departments = ["29"],
        CreatedAt = _clock.GetUtcNow(),
    };

    private (string Kind, EmailContent Template) TemplateOf(string kind) => kind switch
    {
        AlertKinds.NewCall => (kind, NewCallAlertComposer.Template(Call(), _clock.GetUtcNow(), [])),
        AlertKinds.CallChanged => (kind, CallChangedComposer.Template(Call(), new CallChangeMeaning(CallChangeKind.DeadlineMoved, Call().Deadline!.Value.AddDays(-5)), _clock.GetUtcNow())),
        AlertKinds.Reminder => (kind, ReminderComposer.Template(Call(), 7, _clock.GetUtcNow())),
        _ => (kind, DigestComposer.Template([Call()], [Call()], new DateOnly(2027, 1, 4), _clock.GetUtcNow())),
    };

    private List<OutboxMessage> Messages(string kind, params Person[] people)
    {
        var (k, template) = TemplateOf(kind);
        return people.Select(p => Routing().Envelope(p, template, k, "c1", kind == AlertKinds.Digest ? null : "thème Addictions, Finistère", _clock.GetUtcNow())).ToList();
    }

    private SendGridEmailSender SendGrid() => new(_http, MsOptions.Create(new EmailOptions
    {
        FromAddress = "alertes@example.org",
        FromName = "AVECsanté Bretagne",
        SendGrid = new SendGridOptions { ApiKey = "SG.test-key", BaseUrl = new Uri(_server.Url!) },
    }), _clock);

    private TenantGraph Graph() => new(MsOptions.Create(new GraphOptions { TenantId = "00000000-0000-0000-0000-000000000000", BaseUrl = new Uri(_server.Url + "/v1.0") }),
        new HttpClient(), new StaticTokenCredential("graph-test-token"));

    private IOptionsAlerts AlertOptions() => new(MsOptions.Create(new AlertsOptions { SharedMailbox = Mailbox, Teams = new AlertsTeamsOptions { WebhookUrl = new Uri(_server.Url + "/workflows/coordinateurs") } }));

    private sealed record IOptionsAlerts(Microsoft.Extensions.Options.IOptions<AlertsOptions> Value);

    private JsonElement LastBody(int index = -1)
    {
        var entries = _server.LogEntries.ToList();
        return JsonDocument.Parse(entries[index < 0 ? entries.Count - 1 : index].RequestMessage.Body!).RootElement;
    }

    [Theory]
    [InlineData(AlertKinds.NewCall, "Nouvel appel (CPAM 29)", true)]
    [InlineData(AlertKinds.CallChanged, "Date limite modifiée (CPAM 29)", true)]
    [InlineData(AlertKinds.Reminder, "Rappel J-7", false)]
    [InlineData(AlertKinds.Digest, "Récapitulatif de la semaine", false)]
    public async Task One_SendGrid_request_carries_every_recipient_of_a_message_with_their_substitutions_and_unsubscribe_headers(string kind, string subject, bool withIcs)
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var messages = Messages(kind, Person("p1", "maelle@example.org"), Person("p2", "katell@example.org"));

        var result = await SendGrid().SendBatchAsync(messages, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var root = LastBody();
        Assert.Single(_server.LogEntries);
        Assert.StartsWith(subject, root.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal([kind, "alertes-appels"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var parts = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        Assert.Contains("Bonjour %%prenom%%,", parts["text/plain"], StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", parts["text/html"], StringComparison.Ordinal);
        Assert.Contains("<h1>", parts["text/html"], StringComparison.Ordinal);
        Assert.DoesNotContain("<img", parts["text/html"], StringComparison.Ordinal);
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(["maelle@example.org", "katell@example.org"], personalizations.Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()));
        var first = personalizations[0];
        Assert.Equal("Maëlle", first.GetProperty("substitutions").GetProperty("%%prenom%%").GetString());
        var unsubscribe = first.GetProperty("substitutions").GetProperty(EmailTokens.UnsubscribeUrl).GetString();
        Assert.Equal($"<{unsubscribe}>", first.GetProperty("headers").GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", first.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Equal(messages[0].Id, first.GetProperty("custom_args").GetProperty("outboxId").GetString());
        Assert.Equal(withIcs, root.TryGetProperty("attachments", out var attachments) && attachments[0].GetProperty("filename").GetString() == "date-limite.ics");
    }

    [Fact]
    public async Task A_batch_refused_with_429_and_Retry_After_is_sent_exactly_once_later_and_a_400_is_never_retried()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("limit").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "90"));
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("limit").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(202));
        var messages = Messages(AlertKinds.NewCall, Person("p1", "maelle@example.org"), Person("p2", "katell@example.org"));
        var dispatcher = new NotificationDispatcher(new ListOutbox(messages, _clock), SendGrid(), _clock, NullLogger<NotificationDispatcher>.Instance);

        await dispatcher.DispatchDueAsync(CancellationToken.None); // 429
        _clock.Advance(TimeSpan.FromSeconds(60));
        await dispatcher.DispatchDueAsync(CancellationToken.None); // the server asked for 90 s: nothing yet
        _clock.Advance(TimeSpan.FromSeconds(31));
        await dispatcher.DispatchDueAsync(CancellationToken.None); // 202, one request for both
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, _server.LogEntries.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));

        _server.Reset();
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"errors\":[{\"message\":\"Invalid email\"}]}"));
        var refused = Messages(AlertKinds.Reminder, Person("p3", "not-an-address@example.org"));
        var again = new NotificationDispatcher(new ListOutbox(refused, _clock), SendGrid(), _clock, NullLogger<NotificationDispatcher>.Instance);
        await again.DispatchDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(7));
        await again.DispatchDueAsync(CancellationToken.None);

        Assert.Single(_server.LogEntries);
        Assert.Equal(OutboxStatus.Failed, refused[0].Status);
        Assert.Contains("Invalid email", refused[0].LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlertKinds.NewCall, "Nouvel appel (CPAM 29)")]
    [InlineData(AlertKinds.CallChanged, "Date limite modifiée (CPAM 29)")]
    [InlineData(AlertKinds.Reminder, "Rappel J-7")]
    [InlineData(AlertKinds.Digest, "Récapitulatif de la semaine")]
    public async Task Staff_get_each_kind_through_Graph_sendMail_from_the_shared_mailbox_rendered_for_them(string kind, string subject)
    {
        _server.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost().WithHeader("Authorization", "Bearer graph-test-token"))
            .RespondWith(Response.Create().WithStatusCode(202));
        var message = Assert.Single(Messages(kind, Person("p1", "chargee.mission@avecsante-bretagne.example.org")));
        Assert.Equal(NotificationChannel.TenantEmail, message.Channel);

        var result = await new GraphMailSender(Graph(), AlertOptions().Value, _clock).SendAsync(message, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var mail = LastBody().GetProperty("Message"); // the SDK writes the action body's two names in PascalCase; Graph accepts both
        Assert.StartsWith(subject, mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("html", mail.GetProperty("body").GetProperty("contentType").GetString());
        var html = mail.GetProperty("body").GetProperty("content").GetString()!;
        Assert.Contains("Bonjour Maëlle,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%%", html, StringComparison.Ordinal);
        Assert.Equal("chargee.mission@avecsante-bretagne.example.org", mail.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.False(LastBody().GetProperty("SaveToSentItems").GetBoolean());
    }

    [Fact]
    public async Task Graph_429_with_Retry_After_is_transient_and_a_403_is_permanent()
    {
        _server.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost()).InScenario("graph").WillSetStateTo("denied")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120").WithHeader("Content-Type", "application/json")
                .WithBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}"));
        _server.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/sendMail").UsingPost()).InScenario("graph").WhenStateIs("denied")
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json")
                .WithBody("{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied.\"}}"));
        var message = Assert.Single(Messages(AlertKinds.Reminder, Person("p1", "chargee.mission@avecsante-bretagne.example.org")));
        var sender = new GraphMailSender(Graph(), AlertOptions().Value, _clock);

        var limited = await sender.SendAsync(message, CancellationToken.None);
        var denied = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Transient, TimeSpan.FromSeconds(120)), (limited.Outcome, limited.RetryAfter));
        Assert.Equal(DeliveryOutcome.Permanent, denied.Outcome);
        Assert.Contains("Access is denied", denied.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_calendar_event_is_created_once_moved_with_the_deadline_then_marked_cancelled()
    {
        _server.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/calendar/events").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBodyAsJson(new { id = "evt-1" }));
        _server.Given(Request.Create().WithPath($"/v1.0/users/{Mailbox}/events/evt-1").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBodyAsJson(new { id = "evt-1" }));
        var publisher = new GraphCalendarPublisher(Graph(), AlertOptions().Value, new MemoryState(), _clock);
        OutboxMessage Entry(CallForProjects call, bool cancelled) => AlertRouting.Shared("shared-calendar", NotificationChannel.Calendar, AlertKinds.Calendar, call.Id, call.Id, "t",
            JsonSerializer.Serialize(DeadlineCalendar.EntryFor(call, cancelled)), _clock.GetUtcNow());

        await publisher.PublishAsync(Entry(Call(), false), CancellationToken.None);
        await publisher.PublishAsync(Entry(Call() with { Deadline = new DateTimeOffset(2027, 1, 29, 11, 0, 0, TimeSpan.Zero) }, false), CancellationToken.None);
        await publisher.PublishAsync(Entry(Call(), true), CancellationToken.None);

        var requests = _server.LogEntries.Select(e => (e.RequestMessage.Method, e.RequestMessage.Path)).ToList();
        Assert.Equal([("POST", $"/v1.0/users/{Mailbox}/calendar/events"), ("PATCH", $"/v1.0/users/{Mailbox}/events/evt-1"), ("PATCH", $"/v1.0/users/{Mailbox}/events/evt-1")], requests);
        var created = LastBody(0);
        Assert.Equal("Date limite : Prévention des addictions en MSP (CPAM 29)", created.GetProperty("subject").GetString());
        Assert.Equal("2027-01-22T12:00:00", created.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.Equal("Europe/Paris", created.GetProperty("end").GetProperty("timeZone").GetString());
        Assert.Equal("avecsante-appel-c1", created.GetProperty("transactionId").GetString());
        Assert.Equal("2027-01-29T12:00:00", LastBody(1).GetProperty("end").GetProperty("dateTime").GetString());
        Assert.StartsWith("[Annulé]", LastBody(2).GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_call_is_posted_to_Teams_as_an_Adaptive_Card_and_a_429_waits_as_asked()
    {
        _server.Given(Request.Create().WithPath("/workflows/coordinateurs").UsingPost()).InScenario("teams").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        _server.Given(Request.Create().WithPath("/workflows/coordinateurs").UsingPost()).InScenario("teams").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(202));
        var message = AlertRouting.Shared("teams-channel", NotificationChannel.Teams, AlertKinds.Teams, "c1", "c1", "t", TeamsCard.ForNewCall(Call(), _clock.GetUtcNow()), _clock.GetUtcNow());
        var poster = new TeamsWebhookPoster(_http, AlertOptions().Value, _clock);

        var limited = await poster.PostAsync(message, CancellationToken.None);
        var posted = await poster.PostAsync(message, CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Transient, TimeSpan.FromSeconds(30)), (limited.Outcome, limited.RetryAfter));
        Assert.Equal(DeliveryOutcome.Delivered, posted.Outcome);
        var attachment = LastBody().GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("Prévention des addictions en MSP", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Equal("https://example.org/appels/c1", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }
}
