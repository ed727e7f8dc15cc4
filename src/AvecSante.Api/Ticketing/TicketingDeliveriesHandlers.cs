using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Ticketing;

/// <summary>
/// GET /api/ticketing/deliveries/{id}: how far an acknowledged delivery went (the webhook answers before processing).
/// A delivery still in the queue is not claimed yet: 404 until then.
/// </summary>
public sealed class TicketingDeliveriesHandlers(ITicketingInbox inbox)
{
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!StableKeys.IsSafe(id) || await inbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return Problems.NotFound("Envoi de billetterie");
        }
        return TypedResults.Ok(new
        {
            id = record.Id,
            source = record.Source,
            status = record.Status.ToString().ToLowerInvariant(),
            outcome = record.Outcome,
            attempts = record.Attempts,
            receivedAt = record.ReceivedAt,
        });
    }
}
