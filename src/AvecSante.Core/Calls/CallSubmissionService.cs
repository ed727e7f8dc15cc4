using AvecSante.Core.Common;
using AvecSante.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Calls;

public sealed record CallSubmissionResult(CallForProjects? Call, bool Created, int AlertsPlanned, ValidationErrors? Errors);

/// <summary>A call submitted by hand: validated, stored once, and its alerts planned in the outbox.</summary>
public sealed partial class CallSubmissionService(
    ICallRepository calls,
    CallAlertPlanner alerts,
    TimeProvider clock,
    ILogger<CallSubmissionService> logger)
{
    public async Task<CallSubmissionResult> SubmitAsync(CallSubmission submission, CancellationToken cancellationToken)
    {
        var validated = CallSubmissionValidator.Validate(submission, clock.GetUtcNow());
        if (validated.Value is not { } call)
        {
            return new CallSubmissionResult(null, false, 0, validated.Errors);
        }

        var created = await calls.TryAddAsync(call, cancellationToken).ConfigureAwait(false);
        var stored = created ? call : await calls.GetAsync(call.Id, cancellationToken).ConfigureAwait(false) ?? call;

        // Planning again for a known call is harmless (outbox keys are idempotent) and repairs a run that stopped
        // between storing the call and planning its alerts.
        var planned = await alerts.PlanNewCallAlertsAsync(stored, cancellationToken).ConfigureAwait(false);
        LogSubmitted(stored.Id, created, planned);
        return new CallSubmissionResult(stored, created, planned, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} submitted (new: {Created}); {AlertsPlanned} alert(s) newly planned")]
    private partial void LogSubmitted(string callId, bool created, int alertsPlanned);
}
