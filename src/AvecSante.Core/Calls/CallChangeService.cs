using AvecSante.Core.Alerts;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Calls;

/// <summary>
/// Staff correct, cancel or reinstate a published call. The change is written to the call's history under the person's name,
/// appended to the "call changed" log like an ingestion's, and its alerts are planned at once by the same planner the
/// log's reader uses: the outbox keys (recipient × call × change instant) make the reader's later pass plan nothing twice.
/// </summary>
public sealed partial class CallChangeService(
    ICallRepository calls,
    ICallEventLog events,
    CallAlertPlanner alerts,
    TimeProvider clock,
    ILogger<CallChangeService> logger)
{
    private delegate (Outcome<SavedCall>? Refusal, CallForProjects? Changed, IReadOnlyList<CallChange> Changes) Change(CallForProjects call, DateTimeOffset now);

    /// <summary>Corrects the given fields. <paramref name="expectedVersion"/>: the version the person read (null: no check).</summary>
    public Task<Outcome<SavedCall>> CorrectAsync(string id, CallCorrection correction, string? expectedVersion, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var errors = new ValidationErrors();
        var title = errors.Text("title", correction.Title, "Le titre", CallSubmissionValidator.MaxTitleLength);
        var funder = errors.Text("funder", correction.Funder, "Le financeur", CallReviewService.MaxFunderLength);
        var deadline = CallSubmissionValidator.ReadStaffDeadline(correction.Deadline, correction.Rolling, errors);
        if (!errors.IsEmpty)
        {
            return Task.FromResult(new Outcome<SavedCall>(OutcomeKind.Invalid, Errors: errors));
        }
        return ChangeAsync(id, expectedVersion, (call, now) =>
        {
            if (call.Status == CallStatus.ToReview)
            {
                return (Held(call), null, []);
            }
            if (call.CancelledAt is not null)
            {
                return (NotOpen(call), null, []);
            }
            var corrected = Correct(call, title, funder, deadline, correction.Rolling, now, actor);
            return (null, corrected.Call, corrected.Changes);
        }, cancellationToken);
    }

    /// <summary>Cancels an open (or held) call: it leaves every list of open calls and no ingestion reopens it.</summary>
    public Task<Outcome<SavedCall>> CancelAsync(string id, string? expectedVersion, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (call, now) =>
        {
            if (call.Status == CallStatus.Closed)
            {
                return (NotOpen(call), null, []);
            }
            IReadOnlyList<CallChange> changes = [new CallChange(now, "status", StatusCode(call.Status), StatusCode(CallStatus.Closed), actor)];
            var cancelled = call with
            {
                Status = CallStatus.Closed,
                CancelledAt = now,
                History = call.History.Concat(changes).TakeLast(CallRecordFactory.MaxHistory).ToList(),
                UpdatedAt = now,
            };
            return (null, cancelled, changes);
        }, cancellationToken);

    /// <summary>
    /// Undoes a cancellation: the call opens again (closed when its deadline has passed meanwhile, held again when it
    /// was cancelled while held), sources update it again, and the coordinators it matches hear it is back ("reopened").
    /// </summary>
    public Task<Outcome<SavedCall>> ReinstateAsync(string id, string? expectedVersion, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (call, now) =>
        {
            if (call.CancelledAt is null)
            {
                return (new(OutcomeKind.Conflict, new SavedCall(call, 0), Reason: "Cet appel n'est pas annulé.", Detail: "Seul un appel annulé se rétablit."), null, []);
            }
            // A call cancelled while held for review goes back to review (nobody was told of it); past its deadline
            // a call stays closed, and the history still says who lifted the cancellation.
            var heldBefore = call.History.LastOrDefault(c => c.Field == "status" && c.At == call.CancelledAt)?.From == StatusCode(CallStatus.ToReview);
            var status = heldBefore ? CallStatus.ToReview : call.Deadline is { } end && end <= now ? CallStatus.Closed : CallStatus.Open;
            IReadOnlyList<CallChange> changes = status == CallStatus.Closed
                ? [new CallChange(now, "cancellation", "annulé", "levée", actor)]
                : [new CallChange(now, "status", StatusCode(call.Status), StatusCode(status), actor)];
            var reinstated = call with
            {
                Status = status,
                CancelledAt = null,
                History = call.History.Concat(changes).TakeLast(CallRecordFactory.MaxHistory).ToList(),
                UpdatedAt = now,
            };
            return (null, reinstated, changes);
        }, cancellationToken);

    private async Task<Outcome<SavedCall>> ChangeAsync(string id, string? expectedVersion, Change change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await calls.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } call)
            {
                return new(OutcomeKind.NotFound);
            }
            if (expectedVersion is not null && !string.Equals(expectedVersion, call.Version, StringComparison.Ordinal))
            {
                return new(OutcomeKind.Stale, new SavedCall(call, 0));
            }
            // Whole milliseconds: the instant names the change's alerts, and must read back the same from the log.
            var now = clock.GetUtcNow();
            now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
            var (refusal, changed, changes) = change(call, now);
            if (refusal is not null)
            {
                return refusal;
            }
            if (changes.Count == 0)
            {
                return new(OutcomeKind.Unchanged, new SavedCall(call, 0));
            }
            if (await calls.TryUpdateAsync(changed!, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                continue; // changed since it was read: read it again (and judge the version again)
            }
            var planned = 0;
            // A held call was announced to nobody: there is no change to tell.
            if (call.Status != CallStatus.ToReview)
            {
                var logged = new CallChangedEvent(stored.Id, now, changes);
                await events.AppendAsync(logged, cancellationToken).ConfigureAwait(false);
                planned = await alerts.PlanCallChangedAsync(logged, stored, cancellationToken).ConfigureAwait(false);
            }
            LogChanged(stored.Id, changes.Count, planned);
            return new(OutcomeKind.Done, new SavedCall(stored, planned));
        }
        throw new InvalidOperationException($"Call {id} kept changing during its correction.");
    }

    /// <summary>A held call was announced to nobody: its review releases it, and corrects it.</summary>
    private static Outcome<SavedCall> Held(CallForProjects call) =>
        new(OutcomeKind.Conflict, new SavedCall(call, 0), Reason: "Cet appel est à vérifier.",
            Detail: "Il n'a encore été annoncé à personne : corrigez-le par sa vérification.");

    /// <summary>A cancelled call is not corrected, a closed one not cancelled.</summary>
    private static Outcome<SavedCall> NotOpen(CallForProjects call) => call.CancelledAt is null
        ? new(OutcomeKind.Conflict, new SavedCall(call, 0), Reason: "Cet appel est déjà clos.",
            Detail: "Un appel clos ne s'annule pas ; corrigez sa date limite pour le rouvrir.")
        : new(OutcomeKind.Conflict, new SavedCall(call, 0), Reason: "Cet appel a été annulé.", Detail: "Un appel annulé ne se modifie plus.");

    /// <summary>The corrected call: the fields given, confirmed as the staff's; open again when a new deadline is ahead.</summary>
    private static (CallForProjects Call, IReadOnlyList<CallChange> Changes) Correct(
        CallForProjects call, string? title, string? funder, DateTimeOffset? deadline, bool? rollingAsked, DateTimeOffset now, string actor)
    {
        var rolling = rollingAsked ?? (deadline is null && call.IsRolling);
        var newDeadline = rolling ? null : deadline ?? call.Deadline;
        var newTitle = title ?? call.Title;
        // A funder given as it stands is kept as it stands (a form sends every field back); another becomes its one name.
        var newFunder = funder is null || funder == call.Funder ? call.Funder
            : FunderClassifier.FromName(funder) is { Kind: not FunderKind.Unknown } known ? known.Name : funder;
        var status = newDeadline is { } end && end <= now ? CallStatus.Closed : newDeadline is not null || rolling ? CallStatus.Open : call.Status;
        var changes = new List<CallChange>();
        var confirmed = call.ConfirmedFields.ToList();
        void Record(string field, string? from, string? to, string? confirms)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new CallChange(now, field, from, to, actor));
                if (confirms is not null && !confirmed.Contains(confirms))
                {
                    confirmed.Add(confirms);
                }
            }
        }
        Record("title", call.Title, newTitle, ReviewedFields.Title);
        Record("funder", call.Funder, newFunder, ReviewedFields.Funder);
        Record("deadline", CallRecordFactory.Format(call.Deadline), CallRecordFactory.Format(newDeadline), ReviewedFields.Deadline);
        Record("rolling", call.IsRolling ? "true" : "false", rolling ? "true" : "false", ReviewedFields.Deadline);
        Record("status", StatusCode(call.Status), StatusCode(status), null);
        var dated = newDeadline != call.Deadline || rolling != call.IsRolling;
        return (call with
        {
            Title = newTitle,
            Funder = newFunder,
            Deadline = newDeadline,
            IsRolling = rolling,
            DeadlineEvidence = dated ? "Corrigée par l'équipe." : call.DeadlineEvidence,
            OtherDeadlines = dated ? call.OtherDeadlines.Where(d => d != newDeadline).ToList() : call.OtherDeadlines,
            Status = status,
            ConfirmedFields = confirmed,
            History = call.History.Concat(changes).TakeLast(CallRecordFactory.MaxHistory).ToList(),
            UpdatedAt = now,
        }, changes);
    }

    private static string StatusCode(CallStatus status) => status.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} changed by staff ({ChangeCount} field(s)); {AlertsPlanned} alert(s) newly planned")]
    private partial void LogChanged(string callId, int changeCount, int alertsPlanned);
}
