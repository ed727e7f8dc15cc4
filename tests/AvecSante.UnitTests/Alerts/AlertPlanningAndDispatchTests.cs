using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Alerts;

public sealed class AlertPlanningAndDispatchTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    private sealed class CountingSendGrid : IBatchEmailSender
    {
        public List<int> Requests { get; } = [];

        public int MaxRecipientsPerRequest => 1000;

        public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken) => SendBatchAsync([message], cancellationToken);

        public Task<DeliveryResult> SendBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Requests.Add(messages.Count);
            return Task.FromResult(DeliveryResult.Delivered);
        }
    }

    private sealed class Recorder : ITenantMailSender, ICalendarPublisher, ITeamsPoster
    {
        public List<OutboxMessage> Sent { get; } = [];

        public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Record(message);

        public Task<DeliveryResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken) => Record(message);

        public Task<DeliveryResult> PostAsync(OutboxMessage message, CancellationToken cancellationToken) => Record(message);

        private Task<DeliveryResult> Record(OutboxMessage message)
        {
            Sent.Add(message);
            return Task.FromResult(DeliveryResult.Delivered);
        }
    }

    private CallForProjects Call() => AlertSamples.Call("c1", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(20));

    [Fact]
    public async Task Identical_alerts_go_to_SendGrid_by_a_thousand_and_tenant_addresses_through_Graph()
    {
        var people = Enumerable.Range(1, 2500).Select(i => AlertSamples.Coordinator($"p{i:D4}")).ToList();
        people.Add(AlertSamples.Coordinator("staff") with { Email = "chargee.mission@avecsante-bretagne.example.org" });
        var directory = new MemoryPeople([.. people]);
        var outbox = new MemoryOutbox();
        var planner = new CallAlertPlanner(directory, outbox, _clock, AlertSamples.Routing(_clock));
        var sendGrid = new CountingSendGrid();
        var others = new Recorder();
        var dispatcher = new NotificationDispatcher(outbox, sendGrid, _clock, NullLogger<NotificationDispatcher>.Instance, new DispatchChannels(others, others, others, directory));

        Assert.Equal(2501, await planner.PlanNewCallAlertsAsync(Call(), CancellationToken.None));
        Assert.Equal(0, await planner.PlanNewCallAlertsAsync(Call(), CancellationToken.None));
        var summary = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal([1000, 1000, 500], sendGrid.Requests.Order().Reverse());
        Assert.Equal(["calendar", "call-new", "teams-new-call"], others.Sent.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(NotificationChannel.TenantEmail, others.Sent.Single(m => m.Kind == "call-new").Channel);
        Assert.Equal(2503, summary.Sent);
        Assert.All(outbox.All, m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task An_unsubscribe_before_the_send_cancels_the_alert_and_says_why()
    {
        var maelle = AlertSamples.Coordinator("p1");
        var directory = new MemoryPeople(maelle, AlertSamples.Coordinator("p2"));
        var outbox = new MemoryOutbox();
        var sendGrid = new CountingSendGrid();
        await new CallAlertPlanner(directory, outbox, _clock, AlertSamples.Routing(_clock)).PlanNewCallAlertsAsync(Call(), CancellationToken.None);

        await directory.UpsertAsync(maelle with { Preferences = maelle.Preferences with { AlertsEnabled = false } }, CancellationToken.None);
        var summary = await new NotificationDispatcher(outbox, sendGrid, _clock, NullLogger<NotificationDispatcher>.Instance, new DispatchChannels(People: directory))
            .DispatchDueAsync(CancellationToken.None);

        var cancelled = Assert.Single(outbox.All, m => m.Status == OutboxStatus.Cancelled);
        Assert.Equal("p1", cancelled.RecipientId);
        Assert.Contains("Désabonné", cancelled.LastError, StringComparison.Ordinal);
        Assert.Equal([1], sendGrid.Requests);
        Assert.Equal(1, summary.Cancelled);
    }

    [Fact]
    public async Task Each_recipient_gets_the_shared_template_with_their_own_name_reason_and_signed_links()
    {
        var outbox = new MemoryOutbox();
        await new CallAlertPlanner(new MemoryPeople(AlertSamples.Coordinator("p1", "29", "addictions")), outbox, _clock, AlertSamples.Routing(_clock))
            .PlanNewCallAlertsAsync(Call(), CancellationToken.None);

        var alert = Assert.Single(outbox.All, m => m.Kind == "call-new");
        var rendered = alert.Email.Render(alert.Substitutions);
        Assert.Contains(EmailTokens.FirstName, alert.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Prénomp1,", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous recevez cet appel car : thème Addictions, Finistère.", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://alertes.example.org/api/preferences/", rendered.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("https://alertes.example.org/api/unsubscribe/", alert.Substitutions![EmailTokens.UnsubscribeUrl], StringComparison.Ordinal);
        var ics = Assert.Single(alert.Email.Attachments!);
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ics.ContentBase64));
        Assert.Contains("DTEND:20270124T090000Z", text, StringComparison.Ordinal);
        Assert.Contains("UID:appel-c1@avecsante", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deadline", "2027-01-20T12:00+01:00", "2027-01-30T12:00+01:00", "open", "Date limite modifiée")]
    [InlineData("status", "open", "closed", "open", "Appel annulé ou clos")]
    [InlineData("status", "closed", "open", "open", "Appel rouvert")]
    public async Task A_changed_call_alerts_its_followers_and_updates_the_calendar(string field, string from, string to, string status, string subject)
    {
        var call = Call() with { Status = status == "open" && to != "closed" ? CallStatus.Open : CallStatus.Closed };
        var outbox = new MemoryOutbox();
        var planner = new CallAlertPlanner(new MemoryPeople(AlertSamples.Coordinator("p1"), AlertSamples.Coordinator("p2", "56")), outbox, _clock, AlertSamples.Routing(_clock));
        var change = new CallChangedEvent(call.Id, _clock.GetUtcNow(), [new CallChange(_clock.GetUtcNow(), field, from, to, "ars-bretagne")]);

        Assert.Equal(1, await planner.PlanCallChangedAsync(change, call, CancellationToken.None));
        Assert.Equal(0, await planner.PlanCallChangedAsync(change, call, CancellationToken.None));

        var email = Assert.Single(outbox.All, m => m.Kind == "call-changed");
        Assert.StartsWith(subject, email.Email.Subject, StringComparison.Ordinal);
        var calendar = Assert.Single(outbox.All, m => m.Kind == "calendar");
        Assert.Equal(to == "closed", System.Text.Json.JsonSerializer.Deserialize<CalendarEntry>(calendar.Payload!)!.Cancelled);
    }

    [Fact]
    public async Task The_change_log_is_read_from_where_the_job_stopped()
    {
        var call = Call();
        var log = new List<CallChangedEvent>();
        var events = new Mock<ICallEventLog>();
        events.Setup(e => e.ListSinceAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset since, CancellationToken _) => log.Where(e => e.At >= since).ToList());
        var outbox = new MemoryOutbox();
        var state = new MemoryState();
        var planner = new CallAlertPlanner(new MemoryPeople(AlertSamples.Coordinator("p1")), outbox, _clock, AlertSamples.Routing(_clock));
        var job = new CallChangeAlerts(events.Object, new MemoryCalls(call), planner, state, _clock, NullLogger<CallChangeAlerts>.Instance);

        log.Add(new CallChangedEvent(call.Id, _clock.GetUtcNow(), [new CallChange(_clock.GetUtcNow(), "deadline", null, "2027-01-30T12:00+01:00", "s")]));
        var first = await job.RunAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await job.RunAsync(CancellationToken.None); // the cursor trails by the overlap: read again, planned nothing twice
        _clock.Advance(TimeSpan.FromHours(1));
        var third = await job.RunAsync(CancellationToken.None);

        Assert.Equal(1, first.Planned);
        Assert.Equal(0, second.Planned);
        Assert.False(third.Acted); // the cursor moved past the event
        Assert.NotNull(await state.GetAsync(CallChangeAlerts.CursorKey, CancellationToken.None));
    }
}
