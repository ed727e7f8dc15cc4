using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.UnitTests.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Calls;

public sealed class CallChangeServiceTests
{
    private const string Staff = "staff:camille.exemple@example.org";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryOutbox _outbox = new();
    private readonly MemoryPeople _people = new(AlertSamples.Coordinator("p29", "29"), AlertSamples.Coordinator("p35", "35"));
    private readonly List<CallChangedEvent> _log = [];

    private CallAlertPlanner Planner() => new(_people, _outbox, _clock, AlertSamples.Routing(_clock));

    private CallForProjects Open(string id = "c1") => AlertSamples.Call(id, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(20)) with { Version = "v1" };

    private CallChangeService Service(MemoryCalls calls)
    {
        var events = new Mock<ICallEventLog>();
        events.Setup(e => e.AppendAsync(It.IsAny<CallChangedEvent>(), It.IsAny<CancellationToken>()))
            .Callback((CallChangedEvent e, CancellationToken _) => _log.Add(e)).Returns(Task.CompletedTask);
        return new(calls, events.Object, Planner(), _clock, NullLogger<CallChangeService>.Instance);
    }

    private IReadOnlyList<OutboxMessage> Changed => _outbox.All.Where(m => m.Kind == AlertKinds.CallChanged).ToList();

    [Fact]
    public async Task A_moved_deadline_is_the_staff_s_logged_and_told_to_the_matching_coordinator_once_even_when_the_log_is_read_again()
    {
        var calls = new MemoryCalls(Open());

        var result = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "2027-02-12T17:00" }, "v1", Staff, CancellationToken.None);
        var reader = new CallChangeAlerts(LogReader(), calls, Planner(), new MemoryState(), _clock, NullLogger<CallChangeAlerts>.Instance);
        var again = await reader.RunAsync(CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, result.Kind);
        Assert.Equal(1, result.Value!.AlertsPlanned);
        var call = calls.Calls.Single();
        Assert.Equal(new DateTimeOffset(2027, 2, 12, 17, 0, 0, TimeSpan.FromHours(1)), call.Deadline);
        Assert.Equal("deadline", Assert.Single(call.History).Field);
        Assert.Equal(Staff, call.History.Single().Source);
        Assert.Contains(ReviewedFields.Deadline, call.ConfirmedFields);
        Assert.Equal("Corrigée par l'équipe.", call.DeadlineEvidence);
        Assert.Single(_log);
        Assert.Equal(0, again.Planned); // the log's reader plans nothing twice
        var email = Assert.Single(Changed);
        Assert.Equal("p29", email.RecipientId);
        Assert.StartsWith("Date limite modifiée", email.Email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_title_and_funder_alert_nobody_and_a_correction_saying_nothing_new_writes_nothing()
    {
        var calls = new MemoryCalls(Open());

        var renamed = await Service(calls).CorrectAsync("c1", new CallCorrection { Title = "Prévention des addictions (titre corrigé)", Funder = "ars bretagne" }, null, Staff, CancellationToken.None);
        var same = await Service(calls).CorrectAsync("c1", new CallCorrection { Title = "Prévention des addictions (titre corrigé)" }, null, Staff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, renamed.Kind);
        Assert.Equal("ARS Bretagne", renamed.Value!.Call.Funder);
        Assert.Equal(["title", "funder"], renamed.Value!.Call.History.Select(h => h.Field));
        Assert.Equal(0, renamed.Value!.AlertsPlanned);
        Assert.Equal(OutcomeKind.Unchanged, same.Kind);
        Assert.Single(_log);
        Assert.Empty(Changed);
    }

    [Fact]
    public async Task A_call_closed_by_its_deadline_reopens_when_staff_extend_it_and_coordinators_hear_it_reopened()
    {
        var closed = AlertSamples.Call("c1", _clock.GetUtcNow().AddDays(-30), _clock.GetUtcNow().AddDays(-1)) with { Status = CallStatus.Closed };
        var calls = new MemoryCalls(closed);

        var result = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "2027-03-01" }, null, Staff, CancellationToken.None);

        Assert.Equal(CallStatus.Open, result.Value!.Call.Status);
        Assert.StartsWith("Appel rouvert", Assert.Single(Changed).Email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_is_closed_told_as_cancelled_and_stays_closed_when_its_source_reads_it_again()
    {
        var calls = new MemoryCalls(Open());

        var result = await Service(calls).CancelAsync("c1", "v1", Staff, CancellationToken.None);
        var twice = await Service(calls).CancelAsync("c1", null, Staff, CancellationToken.None);
        var corrected = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "2027-03-01" }, null, Staff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, result.Kind);
        Assert.Equal((CallStatus.Closed, _clock.GetUtcNow()), (result.Value!.Call.Status, result.Value!.Call.CancelledAt));
        Assert.Equal(new CallChange(_clock.GetUtcNow(), "status", "open", "closed", Staff), result.Value!.Call.History.Single());
        Assert.StartsWith("Appel annulé", Assert.Single(Changed).Email.Subject, StringComparison.Ordinal);
        Assert.Equal((OutcomeKind.Conflict, "Cet appel a été annulé."), (twice.Kind, twice.Reason));
        Assert.Equal((OutcomeKind.Conflict, "Cet appel a été annulé."), (corrected.Kind, corrected.Reason));
        var again = AlertSamples.Call("c1", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(40));
        var (merged, _, _) = CallRecordFactory.Merge(calls.Calls.Single(), again, SourceTrustLevel.Staff, _clock.GetUtcNow());
        Assert.Equal(CallStatus.Closed, merged.Status);
    }

    [Fact]
    public async Task A_cancelled_call_reinstated_opens_again_is_told_reopened_and_follows_its_source_again()
    {
        var calls = new MemoryCalls(Open());
        await Service(calls).CancelAsync("c1", "v1", Staff, CancellationToken.None);
        var notCancelled = await Service(new MemoryCalls(Open("c2"))).ReinstateAsync("c2", null, Staff, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var result = await Service(calls).ReinstateAsync("c1", calls.Calls.Single().Version, Staff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, result.Kind);
        Assert.Equal((CallStatus.Open, (DateTimeOffset?)null), (result.Value!.Call.Status, result.Value.Call.CancelledAt));
        Assert.Equal(new CallChange(_clock.GetUtcNow(), "status", "closed", "open", Staff), result.Value.Call.History[^1]);
        Assert.Equal(1, result.Value.AlertsPlanned);
        Assert.Contains(Changed, m => m.Email.Subject.Contains("rouvert", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((OutcomeKind.Conflict, "Cet appel n'est pas annulé."), (notCancelled.Kind, notCancelled.Reason));
        var later = AlertSamples.Call("c1", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(40));
        var (merged, _, _) = CallRecordFactory.Merge(calls.Calls.Single(), later, SourceTrustLevel.Staff, _clock.GetUtcNow());
        Assert.Equal(CallStatus.Open, merged.Status);
    }

    [Fact]
    public async Task A_call_reinstated_after_its_deadline_stays_closed_and_one_cancelled_while_held_goes_back_to_review_telling_nobody()
    {
        var calls = new MemoryCalls(Open(), Open("held") with { Status = CallStatus.ToReview, ReviewReasons = ["Financeur non identifié."] });
        await Service(calls).CancelAsync("c1", null, Staff, CancellationToken.None);
        await Service(calls).CancelAsync("held", null, Staff, CancellationToken.None);
        var sentBefore = _outbox.All.Count;
        _clock.Advance(TimeSpan.FromDays(30)); // past c1's deadline

        var past = await Service(calls).ReinstateAsync("c1", null, Staff, CancellationToken.None);
        var held = await Service(calls).ReinstateAsync("held", null, Staff, CancellationToken.None);

        Assert.Equal((CallStatus.Closed, (DateTimeOffset?)null), (past.Value!.Call.Status, past.Value.Call.CancelledAt));
        Assert.Equal(new CallChange(_clock.GetUtcNow(), "cancellation", "annulé", "levée", Staff), past.Value.Call.History[^1]);
        Assert.Equal(CallStatus.ToReview, held.Value!.Call.Status);
        Assert.Equal(sentBefore, _outbox.All.Count); // no email, no calendar update
        Assert.Equal(0, past.Value.AlertsPlanned + held.Value.AlertsPlanned);
    }

    [Fact]
    public async Task A_held_call_is_cancelled_without_telling_anyone_but_corrected_only_by_its_review()
    {
        var held = Open() with { Status = CallStatus.ToReview, ReviewReasons = ["Financeur non identifié."] };
        var calls = new MemoryCalls(held);

        var corrected = await Service(calls).CorrectAsync("c1", new CallCorrection { Funder = "CPAM 29" }, null, Staff, CancellationToken.None);
        var cancelled = await Service(calls).CancelAsync("c1", null, Staff, CancellationToken.None);

        Assert.Equal((OutcomeKind.Conflict, "Cet appel est à vérifier."), (corrected.Kind, corrected.Reason));
        Assert.Equal(OutcomeKind.Done, cancelled.Kind);
        Assert.Equal(("toreview", "closed"), (cancelled.Value!.Call.History.Single().From, cancelled.Value!.Call.History.Single().To));
        Assert.Empty(_log);
        Assert.Empty(_outbox.All);
    }

    [Fact]
    public async Task A_stale_version_bad_values_and_an_unknown_call_change_nothing()
    {
        var original = Open();
        var calls = new MemoryCalls(original);

        var stale = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "2027-02-12" }, "v0", Staff, CancellationToken.None);
        var staleCancel = await Service(calls).CancelAsync("c1", string.Empty, Staff, CancellationToken.None);
        var invalid = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "12/02/2027", Title = new string('x', 301) }, null, Staff, CancellationToken.None);
        var both = await Service(calls).CorrectAsync("c1", new CallCorrection { Deadline = "2027-02-12", Rolling = true }, null, Staff, CancellationToken.None);
        var unknown = await Service(calls).CancelAsync("nope", null, Staff, CancellationToken.None);

        Assert.Equal(OutcomeKind.Stale, stale.Kind);
        Assert.Equal(OutcomeKind.Stale, staleCancel.Kind);
        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["deadline", "title"], invalid.Errors!.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(["rolling"], both.Errors!.Fields);
        Assert.Equal(OutcomeKind.NotFound, unknown.Kind);
        Assert.Same(original, calls.Calls.Single()); // never written
        Assert.Empty(_outbox.All);
    }

    private ICallEventLog LogReader()
    {
        var events = new Mock<ICallEventLog>();
        events.Setup(e => e.ListSinceAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset since, CancellationToken _) => _log.Where(e => e.At >= since).ToList());
        return events.Object;
    }
}
