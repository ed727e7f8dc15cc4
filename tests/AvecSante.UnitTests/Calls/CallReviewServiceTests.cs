using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.UnitTests.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.UnitTests.Calls;

public sealed class CallReviewServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryOutbox _outbox = new();
    private readonly MemoryPeople _people = new(
        AlertSamples.Coordinator("p29", "29"), AlertSamples.Coordinator("p29b", "29"), AlertSamples.Coordinator("p35", "35"));

    private CallAlertPlanner Planner() => new(_people, _outbox, _clock, AlertSamples.Routing(_clock));

    private CallForProjects Held(string id = "c1") => AlertSamples.Call(id, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(20)) with
    {
        Status = CallStatus.ToReview,
        Funder = "Financeur non identifié",
        ReviewReasons = ["Financeur non identifié."],
    };

    private CallReviewService Service(MemoryCalls calls) => new(calls, Planner(), _clock, NullLogger<CallReviewService>.Instance);

    private int NewCallEmails => _outbox.All.Count(m => m.Kind == AlertKinds.NewCall);

    [Fact]
    public async Task A_held_call_alerts_nobody_until_confirmed_then_each_matching_coordinator_once()
    {
        var calls = new MemoryCalls(Held());
        Assert.Equal(0, await Planner().PlanNewCallAlertsAsync(Held(), CancellationToken.None));
        Assert.Empty(_outbox.All);

        var first = await Service(calls).ReviewAsync("c1", new CallReview(), CancellationToken.None);
        var second = await Service(calls).ReviewAsync("c1", new CallReview(), CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, first.Kind);
        Assert.Equal(CallStatus.Open, first.Value!.Call.Status);
        Assert.Equal(2, first.Value!.AlertsPlanned);
        Assert.Equal(OutcomeKind.Done, second.Kind); // a second click plans nothing twice
        Assert.Equal(0, second.Value!.AlertsPlanned);
        Assert.Equal(["p29", "p29b"], _outbox.All.Where(m => m.Kind == AlertKinds.NewCall).Select(m => m.RecipientId).Order(StringComparer.Ordinal));
        Assert.Equal([ReviewedFields.Deadline, ReviewedFields.Funder], calls.Calls.Single().ConfirmedFields);
        Assert.Equal(_clock.GetUtcNow(), calls.Calls.Single().ReviewedAt);
    }

    [Fact]
    public async Task A_correction_sets_the_funders_one_name_and_the_deadline_and_history_says_staff_did()
    {
        var calls = new MemoryCalls(Held());

        var result = await Service(calls).ReviewAsync("c1", new CallReview { Deadline = "2027-02-12T17:00", Funder = "cpam 29" }, CancellationToken.None);

        var call = result.Value!.Call;
        Assert.Equal("CPAM du Finistère", call.Funder); // one name whatever the alias
        Assert.Equal(new DateTimeOffset(2027, 2, 12, 17, 0, 0, TimeSpan.FromHours(1)), call.Deadline);
        Assert.Equal(["deadline", "funder", "status"], call.History.Select(h => h.Field));
        Assert.All(call.History, h => Assert.Equal(SourceTrust.Staff, h.Source));
        Assert.Equal(2, NewCallEmails);
    }

    [Fact]
    public async Task A_call_corrected_to_rolling_or_to_a_passed_deadline_opens_or_closes_and_only_an_open_one_alerts()
    {
        var calls = new MemoryCalls(Held("rolling"), Held("past"));

        var rolling = await Service(calls).ReviewAsync("rolling", new CallReview { Rolling = true }, CancellationToken.None);
        var past = await Service(calls).ReviewAsync("past", new CallReview { Deadline = "2027-01-02" }, CancellationToken.None);

        Assert.Equal((CallStatus.Open, true, (DateTimeOffset?)null), (rolling.Value!.Call.Status, rolling.Value!.Call.IsRolling, rolling.Value!.Call.Deadline));
        Assert.Equal(CallStatus.Closed, past.Value!.Call.Status);
        Assert.Equal(0, past.Value!.AlertsPlanned);
        Assert.All(_outbox.All.Where(m => m.Kind == AlertKinds.NewCall), m => Assert.Equal("rolling", m.Subject));
    }

    [Fact]
    public async Task Bad_values_an_unknown_call_and_a_call_not_held_are_refused_and_plan_nothing()
    {
        var open = AlertSamples.Call("open", _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(20));
        var calls = new MemoryCalls(Held(), open);
        var service = Service(calls);

        var invalid = await service.ReviewAsync("c1", new CallReview { Deadline = "31/01/2027", Funder = new string('x', 201) }, CancellationToken.None);
        var both = await service.ReviewAsync("c1", new CallReview { Deadline = "2027-01-31", Rolling = true }, CancellationToken.None);

        Assert.Equal(OutcomeKind.Invalid, invalid.Kind);
        Assert.Equal(["deadline", "funder"], invalid.Errors!.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(["rolling"], both.Errors!.Fields);
        Assert.Equal(OutcomeKind.NotFound, (await service.ReviewAsync("nope", new CallReview(), CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await service.ReviewAsync("open", new CallReview(), CancellationToken.None)).Kind);
        Assert.Empty(_outbox.All);
        Assert.Equal(CallStatus.ToReview, calls.Calls.Single(c => c.Id == "c1").Status);
    }

    [Fact]
    public async Task Changes_of_a_held_call_or_before_its_review_tell_nobody()
    {
        var held = Held();
        var moved = new CallChangedEvent("c1", _clock.GetUtcNow(), [new CallChange(_clock.GetUtcNow(), "deadline", "2027-01-20T12:00+01:00", "2027-01-24T12:00+01:00", "ars-site")]);

        Assert.Equal(0, await Planner().PlanCallChangedAsync(moved, held, CancellationToken.None));
        var reviewed = held with { Status = CallStatus.Open, ReviewedAt = _clock.GetUtcNow().AddMinutes(5) };
        Assert.Equal(0, await Planner().PlanCallChangedAsync(moved, reviewed, CancellationToken.None));
        var later = moved with { At = _clock.GetUtcNow().AddMinutes(10) };
        Assert.Equal(2, await Planner().PlanCallChangedAsync(later, reviewed, CancellationToken.None));
    }
}
