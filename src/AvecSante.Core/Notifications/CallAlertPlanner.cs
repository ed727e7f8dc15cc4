using AvecSante.Core.Calls;
using AvecSante.Core.People;

namespace AvecSante.Core.Notifications;

/// <summary>Finds the people a call concerns and plans one alert each in the outbox (never twice).</summary>
public sealed class CallAlertPlanner(IPeopleDirectory people, IOutboxStore outbox, TimeProvider clock)
{
    public const string NewCallKind = "call-new";

    /// <returns>How many alerts were newly planned (0 when they all existed already).</returns>
    public async Task<int> PlanNewCallAlertsAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Status != CallStatus.Open)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var planned = 0;
        foreach (var person in await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (CallMatcher.Match(call, person) is not { } reason)
            {
                continue;
            }
            var key = $"{person.Id}|{call.Id}|{NewCallKind}";
            var message = new OutboxMessage
            {
                Id = OutboxMessage.IdFor(key),
                IdempotencyKey = key,
                Kind = NewCallKind,
                RecipientId = person.Id,
                Subject = call.Id,
                Email = NewCallAlertComposer.Compose(call, person, reason, now),
                CreatedAt = now,
                NextAttemptAt = now,
            };
            if (await outbox.TryEnqueueAsync(message, cancellationToken).ConfigureAwait(false))
            {
                planned++;
            }
        }
        return planned;
    }
}
