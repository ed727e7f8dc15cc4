using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Calls;

/// <summary>A call as a change left it (submitted, reviewed, corrected), and the emails that change newly planned.</summary>
public sealed record SavedCall(CallForProjects Call, int AlertsPlanned);

/// <summary>A call submitted by hand: validated, stored once, and its alerts planned in the outbox.</summary>
public sealed partial class CallSubmissionService(
    ICallRepository calls,
    CallAlertPlanner alerts,
    TimeProvider clock,
    ILogger<CallSubmissionService> logger)
{
    public async Task<Outcome<SavedCall>> SubmitAsync(CallSubmission submission, CancellationToken cancellationToken)
    {
        var validated = CallSubmissionValidator.Validate(submission, clock.GetUtcNow());
        if (validated.Value is not { } call)
        {
            return new(OutcomeKind.Invalid, Errors: validated.Errors);
        }

        var created = await calls.TryAddAsync(call, cancellationToken).ConfigureAwait(false);
        var stored = created ? call : await calls.GetAsync(call.Id, cancellationToken).ConfigureAwait(false) ?? call;
        if (!created && !SameCall(stored, call))
        {
            // The id comes from the URL: a different call at that URL (a listing page, a pasted link) is not "known".
            LogUrlConflict(stored.Id);
            return UrlTaken(stored);
        }

        // Planning again for a known call is harmless (outbox keys are idempotent) and repairs a run that stopped
        // between storing the call and planning its alerts.
        var planned = await alerts.PlanNewCallAlertsAsync(stored, cancellationToken).ConfigureAwait(false);
        LogSubmitted(stored.Id, created, planned);
        return new(created ? OutcomeKind.Created : OutcomeKind.Done, new SavedCall(stored, planned));
    }

    /// <summary>The URL is that of another call (another title): nothing stored, nothing planned.</summary>
    private static Outcome<SavedCall> UrlTaken(CallForProjects holder)
    {
        var errors = new ValidationErrors();
        errors.Add("url", $"déjà utilisée par l'appel {holder.Id}");
        return new(OutcomeKind.Conflict, new SavedCall(holder, 0), errors, "Cette adresse est déjà celle d'un autre appel.",
            $"L'appel {holder.Id} a la même adresse (url) mais un autre titre : donnez l'adresse propre à cet appel, ou aucune.")
        {
            ConflictWith = holder.Id,
        };
    }

    /// <summary>The same call again: the same title, case, accents and spacing aside (funders are named in many ways).</summary>
    private static bool SameCall(CallForProjects stored, CallForProjects submitted) =>
        TextFolding.Fold(stored.Title) == TextFolding.Fold(submitted.Title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call submitted by hand with the URL of call {CallId} but another title: refused")]
    private partial void LogUrlConflict(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} submitted (new: {Created}); {AlertsPlanned} alert(s) newly planned")]
    private partial void LogSubmitted(string callId, bool created, int alertsPlanned);
}
