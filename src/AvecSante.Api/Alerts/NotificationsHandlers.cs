using AvecSante.Api.Http;
using AvecSante.Core.Alerts;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Alerts;

/// <summary>The outbox, seen and driven over HTTP.</summary>
public sealed class NotificationsHandlers(IOutboxStore outbox, NotificationDispatcher dispatcher, ReminderPlanner reminders, DigestPlanner digest, OutboxRetry retry)
{
    /// <summary>GET /api/notifications?status=pending|sending|sent|failed. No bodies and no addresses: ids only.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        OutboxStatus? status = null;
        if (QueryValues.Text(request.Query, "status") is { } s)
        {
            if (!Enum.TryParse<OutboxStatus>(s, ignoreCase: true, out var parsed))
            {
                return Problems.BadQuery("status", "valeurs possibles : pending, sending, sent, failed, cancelled.");
            }
            status = parsed;
        }
        var messages = await outbox.ListAsync(status, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(messages.Select(m => new
        {
            m.Id,
            m.Kind,
            Channel = m.Channel.ToString().ToLowerInvariant(),
            m.RecipientId,
            m.Subject,
            Status = m.Status.ToString().ToLowerInvariant(),
            m.Attempts,
            m.CreatedAt,
            m.NextAttemptAt,
            m.SentAt,
            m.LastError,
        }).ToList());
    }

    /// <summary>POST /api/notifications/dispatch: send what is due now instead of waiting for the timer.</summary>
    public async Task<IResult> DispatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var summary = await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(summary);
    }

    /// <summary>
    /// POST /api/notifications/{id}/retry: a failed send back in line, due now (the console's « Réessayer »); 409 when it
    /// is not failed (any more) or a dispatcher changed it meanwhile. The audit trail names the key.
    /// </summary>
    public async Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = Core.Common.StableKeys.IsSafe(id)
            ? await retry.RetryAsync(id, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false)
            : RetryOutcome.NotFailed;
        return outcome switch
        {
            RetryOutcome.Requeued => TypedResults.Ok(new { id, status = "pending" }),
            RetryOutcome.ChangedMeanwhile => Problems.Of(StatusCodes.Status409Conflict, "L'envoi vient d'être modifié par un autre traitement : relisez-le avant de réessayer."),
            _ => Problems.Of(StatusCodes.Status409Conflict, "Cet envoi n'est pas en échec (déjà relancé, envoyé, annulé ou inconnu) : rien n'a été fait."),
        };
    }

    /// <summary>POST /api/notifications/reminders: plan today's deadline reminders now, without waiting for 08:00 Paris.</summary>
    public async Task<IResult> PlanRemindersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var run = await reminders.RunAsync(force: true, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { run.Planned });
    }

    /// <summary>POST /api/notifications/digest: plan this week's digest now, whatever the day (outbox keys: once a week per person).</summary>
    public async Task<IResult> PlanDigestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var run = await digest.RunAsync(force: true, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { run.Planned });
    }
}
