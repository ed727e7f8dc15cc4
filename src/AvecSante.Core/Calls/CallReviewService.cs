using AvecSante.Core.Alerts;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Calls;

/// <summary>
/// Releases a call held "à vérifier": a staff member confirms or corrects its deadline and funder, the call opens (or
/// closes, when the deadline has passed), and its new-call alerts are planned through the same planner as any new call,
/// whose outbox keys make a second confirmation plan nothing twice.
/// </summary>
public sealed partial class CallReviewService(
    ICallRepository calls,
    CallAlertPlanner alerts,
    TimeProvider clock,
    ILogger<CallReviewService> logger)
{
    public const int MaxFunderLength = 200;

    public async Task<Outcome<SavedCall>> ReviewAsync(string id, CallReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        var errors = new ValidationErrors();
        var (deadline, funder) = Validate(review, errors);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await calls.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } call)
            {
                return new(OutcomeKind.NotFound);
            }
            if (call.Status != CallStatus.ToReview)
            {
                // A second click or a retry: planning again plans nothing twice, and repairs a stop between storing the
                // review and planning its alerts. Other values for a call already released are a change, not a review.
                return call.ReviewedAt is not null && Agrees(call, review, deadline, funder)
                    ? new(OutcomeKind.Done, new SavedCall(call, await PlanAsync(call, cancellationToken).ConfigureAwait(false)))
                    : NotHeld(call);
            }
            var reviewed = Apply(call, review, deadline, funder, clock.GetUtcNow());
            if (await calls.TryUpdateAsync(reviewed, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                continue; // changed since it was read (an ingestion run): read it again
            }
            var planned = await PlanAsync(stored, cancellationToken).ConfigureAwait(false);
            LogReviewed(stored.Id, stored.Status, planned);
            return new(OutcomeKind.Done, new SavedCall(stored, planned));
        }
        throw new InvalidOperationException($"Call {id} kept changing during its review.");
    }

    private static Outcome<SavedCall> NotHeld(CallForProjects call) =>
        new(OutcomeKind.Conflict, new SavedCall(call, 0), Reason: "Cet appel n'est pas à vérifier.",
            Detail: call.ReviewedAt is null
                ? "Seuls les appels « à vérifier » se confirment ici ; celui-ci est " + (call.Status == CallStatus.Closed ? "clos" : "ouvert") + "."
                : "Il a déjà été vérifié avec d'autres valeurs : une nouvelle correction est une modification de l'appel.");

    private async Task<int> PlanAsync(CallForProjects call, CancellationToken cancellationToken) =>
        CallIngestionService.IsAlertable(call) ? await alerts.PlanNewCallAlertsAsync(call, cancellationToken).ConfigureAwait(false) : 0;

    private static (DateTimeOffset? Deadline, string? Funder) Validate(CallReview review, ValidationErrors errors)
    {
        var deadline = CallSubmissionValidator.ReadStaffDeadline(review.Deadline, review.Rolling, errors);
        var named = errors.Text("funder", review.Funder, "Le financeur", MaxFunderLength);
        var funder = named is null ? null : FunderClassifier.FromName(named) is { Kind: not FunderKind.Unknown } known ? known.Name : named;
        return (deadline, funder);
    }

    /// <summary>The reviewed call: corrected fields, both fields the staff's from now on, open or closed, its history told.</summary>
    private static CallForProjects Apply(CallForProjects call, CallReview review, DateTimeOffset? deadline, string? funder, DateTimeOffset now)
    {
        var rolling = review.Rolling ?? (deadline is null && call.IsRolling);
        var newDeadline = rolling ? null : deadline ?? call.Deadline;
        var newFunder = funder ?? call.Funder;
        var status = newDeadline is { } end && end <= now ? CallStatus.Closed : CallStatus.Open;
        var changes = new List<CallChange>();
        void Change(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new CallChange(now, field, from, to, SourceTrust.Staff));
            }
        }
        Change("deadline", CallRecordFactory.Format(call.Deadline), CallRecordFactory.Format(newDeadline));
        Change("funder", call.Funder, newFunder);
        Change("status", "toreview", status.ToString().ToLowerInvariant());
        var corrected = newDeadline != call.Deadline || rolling != call.IsRolling;
        return call with
        {
            Deadline = newDeadline,
            IsRolling = rolling,
            DeadlineEvidence = corrected ? "Corrigée par l'équipe à la vérification." : call.DeadlineEvidence,
            OtherDeadlines = corrected ? call.OtherDeadlines.Where(d => d != newDeadline).ToList() : call.OtherDeadlines,
            Funder = newFunder,
            Status = status,
            ConfirmedFields = [ReviewedFields.Deadline, ReviewedFields.Funder],
            ReviewedAt = now,
            History = call.History.Concat(changes).TakeLast(CallRecordFactory.MaxHistory).ToList(),
            UpdatedAt = now,
        };
    }

    private static bool Agrees(CallForProjects call, CallReview review, DateTimeOffset? deadline, string? funder) =>
        (deadline is null || deadline == call.Deadline)
        && (review.Rolling is null || review.Rolling == call.IsRolling)
        && (funder is null || string.Equals(funder, call.Funder, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} reviewed by staff: now {Status}; {AlertsPlanned} alert(s) newly planned")]
    private partial void LogReviewed(string callId, CallStatus status, int alertsPlanned);
}
