using System.Globalization;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>A published call corrected, cancelled or reinstated from its console page, through CallChangeService; the alerts follow.</summary>
public sealed class ConsoleCallChangesHandlers(ConsoleGate gate, CallChangeService changes, ICallRepository calls, CallPages pages)
{
    /// <summary>POST console/appels/{id}/correction: the fields of the form, under the version the page was read with.</summary>
    public Task<IResult> CorrectAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (!StableKeys.IsSafe(id))
            {
                return Answer(console, id, new Outcome<SavedCall>(OutcomeKind.NotFound), "modifie");
            }
            var typed = CallCorrectionForm.Read(form);
            var result = await changes.CorrectAsync(id, typed.ToCorrection(form), ConsoleForms.EditedVersion(form), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
            var now = result.Kind switch
            {
                OutcomeKind.Stale => result.Value!.Call,
                OutcomeKind.Invalid => await calls.GetAsync(id, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            return now is null ? Answer(console, id, result, "modifie") : await RefusedAsync(console, form, typed, result, now, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// A refused correction: the form again with the typing kept, rather than a page that loses it. Over a call
    /// changed meanwhile, the fields left as shown take its new values and the page says who changed it.
    /// </summary>
    private Task<IResult> RefusedAsync(ConsoleRequest console, IFormCollection form, CallCorrectionForm typed, Outcome<SavedCall> result, CallForProjects now, CancellationToken cancellationToken)
    {
        var kept = now.Version == ConsoleForms.EditedVersion(form)
            ? typed
            : typed.KeptOver(form, now, ChangedMeanwhile(now) + " Rien n'a été enregistré : votre saisie est gardée ci-dessous, sur l'appel tel qu'il est maintenant. Vérifiez-la, puis enregistrez de nouveau.");
        var status = result.Kind == OutcomeKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return pages.RenderAsync(console, now, null, kept with { Errors = result.Errors is null ? null : CallCorrectionForm.OnFields(result.Errors.ToDictionary()) }, status, cancellationToken);
    }

    /// <summary>POST console/appels/{id}/annulation: only with the confirmation box ticked.</summary>
    public Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ConfirmedAsync(request, id, "Annulation non confirmée", "annuler", changes.CancelAsync, "annule", cancellationToken);

    /// <summary>POST console/appels/{id}/retablissement: a cancelled call back, only with the confirmation box ticked.</summary>
    public Task<IResult> ReinstateAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ConfirmedAsync(request, id, "Rétablissement non confirmé", "rétablir", changes.ReinstateAsync, "retabli", cancellationToken);

    /// <summary>A cancellation or a reinstatement tells coordinators: it is done only with its box ticked.</summary>
    private Task<IResult> ConfirmedAsync(HttpRequest request, string id, string unconfirmed, string verb,
        Func<string, string?, string, CancellationToken, Task<Outcome<SavedCall>>> change, string done, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (form["confirmation"].ToString() != "on")
            {
                return WebPage.Message(console.Frame, StatusCodes.Status422UnprocessableEntity, unconfirmed,
                    $"Cochez la case de confirmation pour {verb} l'appel : les coordinateurs concernés en seront avertis.", ConsoleNavigation.Calls + "/" + id, "Revenir à l'appel");
            }
            var result = StableKeys.IsSafe(id)
                ? await change(id, ConsoleForms.EditedVersion(form), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false)
                : new Outcome<SavedCall>(OutcomeKind.NotFound);
            return Answer(console, id, result, done);
        }, cancellationToken);

    private static IResult Answer(ConsoleRequest console, string id, Outcome<SavedCall> result, string done)
    {
        var back = ConsoleNavigation.Calls + "/" + id;
        return result.Kind switch
        {
            OutcomeKind.Done => WebPage.SeeOther($"{back}?{done}={result.Value!.AlertsPlanned.ToString(CultureInfo.InvariantCulture)}"),
            OutcomeKind.Unchanged => WebPage.SeeOther(back + "?modifie=rien"),
            OutcomeKind.Invalid => WebPage.Message(console.Frame, StatusCodes.Status422UnprocessableEntity, "Correction refusée",
                string.Join(" ", result.Errors!.ToDictionary().Values.SelectMany(m => m)), back, "Revenir à l'appel"),
            OutcomeKind.Stale => WebPage.Message(console.Frame, StatusCodes.Status409Conflict, "Appel modifié entre-temps",
                ChangedMeanwhile(result.Value!.Call) + " Rien n'a été enregistré : rechargez sa page, puis refaites votre changement.", back, "Revenir à l'appel"),
            OutcomeKind.Conflict => WebPage.Message(console.Frame, StatusCodes.Status409Conflict, result.Reason!, result.Detail!, back, "Revenir à l'appel"),
            _ => WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Appel introuvable", "Cet appel n'existe pas ou plus.", ConsoleNavigation.Calls, "Tous les appels"),
        };
    }

    /// <summary>Who changed the call last, as its history says (a person, a source, or the deadline passing).</summary>
    private static string ChangedMeanwhile(CallForProjects call) =>
        call.History.Count > 0
            ? $"Cet appel a été modifié entre-temps par {call.History[^1].Source}, le {ConsoleFormat.Day(call.History[^1].At)}."
            : "Cet appel a été modifié entre-temps (une source l'a relu).";
}
