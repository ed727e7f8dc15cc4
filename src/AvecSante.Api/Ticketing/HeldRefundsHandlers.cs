using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Ticketing;

/// <summary>
/// GET /api/ticketing/refunds (the refunds held because nobody could confirm them), POST …/{id}/apply once checked in
/// the HelloAsso back office, POST …/{id}/dismiss for a refund that did not happen.
/// </summary>
public sealed class HeldRefundsHandlers(HeldRefunds refunds)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await refunds.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list);
    }

    public Task<IResult> ApplyAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync(id, HeldRefundDecision.Apply, cancellationToken);

    public Task<IResult> DismissAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync(id, HeldRefundDecision.Dismiss, cancellationToken);

    private async Task<IResult> DecideAsync(string id, HeldRefundDecision decision, CancellationToken cancellationToken)
    {
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Remboursement en attente");
        }
        var (result, outcome) = await refunds.DecideAsync(id, decision, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            HeldRefundResult.NotFound => Problems.NotFound("Remboursement en attente"),
            HeldRefundResult.NotHeld => Problems.Of(StatusCodes.Status409Conflict, "Ce remboursement n'est pas (ou plus) en attente.", "Il a déjà été appliqué ou écarté, ou n'en est pas un."),
            _ => TypedResults.Ok(new { id, decision = decision.ToString().ToLowerInvariant(), outcome }),
        };
    }
}
