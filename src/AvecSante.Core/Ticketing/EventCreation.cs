using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Ticketing;

/// <summary>
/// What creating an event gave: the reasons it is invalid (by field), or the event that already sells through one of
/// its forms, or the event (Created = false when the same event existed already: posting twice changes nothing).
/// </summary>
public sealed record EventCreationResult(Event? Event, bool Created, ValidationErrors? Errors = null, string? SlugTakenBy = null);

/// <summary>Creates an event from a staff member's submission (API or console), and notes who did in the audit trail.</summary>
public sealed class EventCreation(IEventRepository events, IMemberAuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "event";

    public async Task<EventCreationResult> CreateAsync(EventSubmission submission, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = clock.GetUtcNow();
        var validated = EventSubmissionValidator.Validate(submission, now);
        if (validated.Errors is not null)
        {
            return new EventCreationResult(null, false, validated.Errors);
        }
        var value = validated.Value!;
        var (created, slugTakenBy) = await events.TryAddAsync(value, cancellationToken).ConfigureAwait(false);
        if (slugTakenBy is not null)
        {
            return new EventCreationResult(null, false, SlugTakenBy: slugTakenBy);
        }
        if (!created)
        {
            return new EventCreationResult(await events.GetAsync(value.Id, cancellationToken).ConfigureAwait(false) ?? value, false);
        }
        await audit.RecordAsync(new AuditEntry(now, actor, "created", AuditKind, value.Id, ["Title", "Kind", "Start", "End", "Venue", "Capacity", "FormSlugs", "Prices"]), cancellationToken).ConfigureAwait(false);
        return new EventCreationResult(value, true);
    }
}
