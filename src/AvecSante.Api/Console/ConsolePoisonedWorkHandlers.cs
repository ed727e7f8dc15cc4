using AvecSante.Api.Http;
using AvecSante.Api.Jobs;
using AvecSante.Api.Web;
using AvecSante.Core.Members;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// « Traitements en échec » on Envois: « Relancer » puts work a queue function gave up on back on its queue
/// (PoisonedWork, as POST /api/queues/poison/{id}/retry), then back to Envois with what happened. The audit trail
/// names who put it back.
/// </summary>
public sealed class ConsolePoisonedWorkHandlers(ConsoleGate gate, PoisonedWork poisoned, IMemberAuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "queue";
    public const string AuditAction = "retried";

    /// <summary>The query parameter Envois reads the outcome from (post/redirect/get).</summary>
    public const string OutcomeParameter = "traitement";

    /// <summary>POST console/envois/traitements/{id}/relancer.</summary>
    public Task<IResult> RetryAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) =>
        {
            if (!PoisonedWork.IsMessageId(id))
            {
                return WebPage.SeeOther($"{ConsoleNavigation.Sends}?{OutcomeParameter}=invalide");
            }
            if (await poisoned.RetryAsync(id, cancellationToken).ConfigureAwait(false) is not { } function)
            {
                return WebPage.SeeOther($"{ConsoleNavigation.Sends}?{OutcomeParameter}=introuvable");
            }
            await audit.RecordAsync(new AuditEntry(clock.GetUtcNow(), CallerIdentity.Of(console.Http), AuditAction, AuditKind, id, [], function.Name), cancellationToken).ConfigureAwait(false);
            return WebPage.SeeOther($"{ConsoleNavigation.Sends}?{OutcomeParameter}=relance");
        }, cancellationToken);

    /// <summary>The sentence for an outcome read back from the address; null when there is none.</summary>
    public static string? Notice(string? outcome) => outcome switch
    {
        null or "" => null,
        "relance" => "Le traitement est remis en file : il sera repris dans quelques instants.",
        "invalide" => "Ce traitement n'existe pas (identifiant invalide) : rien n'a été fait.",
        _ => "Ce traitement n'est plus en échec (déjà relancé) : rien n'a été fait.",
    };
}
