using System.Globalization;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>A published call corrected or cancelled from its console page, through CallChangeService; the alerts follow.</summary>
public sealed class ConsoleCallChangesHandlers(ConsoleGate gate, CallChangeService changes)
{
    /// <summary>POST console/appels/{id}/correction: the fields of the form, under the version the page was read with.</summary>
    public Task<IResult> CorrectAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var deadline = ConsoleForms.Value(form, "deadline");
            var correction = new CallCorrection
            {
                Title = ConsoleForms.Value(form, "title"),
                Funder = ConsoleForms.Value(form, "funder"),
                // The page shows the deadline to the minute: sent back as shown, it is not a correction.
                Deadline = deadline == ConsoleForms.Value(form, "deadline-shown") ? null : deadline,
                Rolling = form["rolling"].ToString() == "true" ? true : deadline is not null ? false : null,
            };
            var result = StableKeys.IsSafe(id)
                ? await changes.CorrectAsync(id, correction, ConsoleForms.EditedVersion(form), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false)
                : new Outcome<SavedCall>(OutcomeKind.NotFound);
            return Answer(console, id, result, "modifie");
        }, cancellationToken);

    /// <summary>POST console/appels/{id}/annulation: only with the confirmation box ticked.</summary>
    public Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var back = ConsoleNavigation.Calls + "/" + id;
            if (form["confirmation"].ToString() != "on")
            {
                return WebPage.Message(console.Frame, StatusCodes.Status422UnprocessableEntity, "Annulation non confirmée",
                    "Cochez la case de confirmation pour annuler l'appel : les coordinateurs concernés en seront avertis.", back, "Revenir à l'appel");
            }
            var result = StableKeys.IsSafe(id)
                ? await changes.CancelAsync(id, ConsoleForms.EditedVersion(form), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false)
                : new Outcome<SavedCall>(OutcomeKind.NotFound);
            return Answer(console, id, result, "annule");
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
