using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>The list's filters and the page asked for, as read from the query string.</summary>
public sealed record CallsQuery(CallStatus? Status, string? Theme, string? Department, string? Funder, string? Kind, int? ClosingWithinDays, int Page = 1)
{
    /// <summary>The address of another page of the same list: the filters kept, in the names the form sends.</summary>
    public string Link(int page)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(new(name, value));
            }
        }
        Add("statut", Status?.ToString().ToLowerInvariant());
        Add("theme", Theme);
        Add("departement", Department);
        Add("structure", Kind);
        Add("financeur", Funder);
        Add("jours", ClosingWithinDays?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return ConsoleNavigation.Calls + QueryString.Create(values).ToUriComponent();
    }
}

/// <summary>Calls in the console: the list with filters, a call's page, and paste → preview → correct → publish.</summary>
public sealed class ConsoleCallsHandlers(ConsoleGate gate, ICallRepository calls, CallPages pages, CallSubmissionService submissions, CallReviewService reviews, TimeProvider clock)
{
    /// <summary>Calls a list page shows; the pages after the first are reached through links that keep the filters.</summary>
    public const int PageSize = 50;

    /// <summary>GET console/appels: the filtered calls, nearest deadline first, a page at a time.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var query = ReadQuery(request.Query);
            var now = clock.GetUtcNow();
            var filter = new CallFilter(query.Status, query.Theme, query.Department, query.Funder, query.Kind,
                DeadlineFrom: query.ClosingWithinDays is null ? null : now,
                DeadlineTo: query.ClosingWithinDays is { } days ? now.AddDays(days) : null);
            // Only the listed columns of each call are read: the page shows fifty, but orders and counts all of them.
            var list = await calls.ListListingsAsync(filter, cancellationToken).ConfigureAwait(false);
            var sorted = list.OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ToList();
            var pages = Math.Max(1, (sorted.Count + PageSize - 1) / PageSize);
            var page = Math.Min(query.Page, pages);
            return WebPage.Render<CallsPage>(new Dictionary<string, object?>
            {
                [nameof(CallsPage.Frame)] = console.Frame,
                [nameof(CallsPage.Query)] = query with { Page = page },
                [nameof(CallsPage.Calls)] = sorted.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
                [nameof(CallsPage.Total)] = sorted.Count,
                [nameof(CallsPage.PageCount)] = pages,
                [nameof(CallsPage.Now)] = now,
            });
        }, cancellationToken);

    /// <summary>GET console/appels/{id}: deadline and its phrase, sessions, sources, history, alerts.</summary>
    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var call = StableKeys.IsSafe(id) ? await calls.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (call is null)
            {
                return WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Appel introuvable",
                    "Cet appel n'existe pas ou plus.", ConsoleNavigation.Calls, "Tous les appels");
            }
            return await pages.RenderAsync(console, call, request.Query, correction: null, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>POST console/appels/{id}/verification: a held call confirmed as read or corrected; its alerts follow.</summary>
    public Task<IResult> ReviewAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var review = new CallReview
            {
                Deadline = ConsoleForms.Value(form, "deadline"),
                Rolling = form["rolling"].ToString() == "true" ? true : null,
                Funder = ConsoleForms.Value(form, "funder"),
            };
            var result = StableKeys.IsSafe(id) ? await reviews.ReviewAsync(id, review, cancellationToken).ConfigureAwait(false) : new Outcome<SavedCall>(OutcomeKind.NotFound);
            var back = ConsoleNavigation.Calls + "/" + id;
            return result.Kind switch
            {
                OutcomeKind.Done => WebPage.SeeOther(back + "?verifie=" + result.Value!.AlertsPlanned.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                OutcomeKind.Conflict => WebPage.Message(console.Frame, StatusCodes.Status409Conflict, "Appel déjà vérifié",
                    "Cet appel n'attend plus de vérification : ses alertes sont parties. Rechargez sa page pour le voir tel qu'il est.", back, "Revenir à l'appel"),
                OutcomeKind.Invalid => WebPage.Message(console.Frame, StatusCodes.Status422UnprocessableEntity, "Vérification refusée",
                    string.Join(" ", result.Errors!.ToDictionary().Values.SelectMany(m => m)), back, "Revenir à l'appel"),
                _ => WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Appel introuvable", "Cet appel n'existe pas ou plus.", ConsoleNavigation.Calls, "Tous les appels"),
            };
        }, cancellationToken);

    /// <summary>GET console/nouvel-appel: the paste form.</summary>
    public Task<IResult> NewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, console => Task.FromResult(NewCallPage.Result(console.Frame, null, null, null, null, StatusCodes.Status200OK)), cancellationToken);

    /// <summary>POST console/nouvel-appel: what was pasted or uploaded → the call it becomes (nothing stored), to correct.</summary>
    public Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var pasted = await PastedCall.ReadAsync(form, cancellationToken).ConfigureAwait(false);
            if (pasted is null || string.IsNullOrWhiteSpace(pasted.Text))
            {
                return NewCallPage.Result(console.Frame, null, null, "Collez le texte, le courriel ou la page de l'appel, ou choisissez un fichier (.eml, .html, .txt, .pdf de 10 Mo au plus).", null, StatusCodes.Status422UnprocessableEntity);
            }
            Uri? sourceUrl = Uri.TryCreate(form["source"].ToString(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
            var now = clock.GetUtcNow();
            // The same reading as POST /api/calls/preview and the sources: the normaliser, then the record factory.
            var normalised = CallTextNormaliser.Normalise(pasted.Text, sourceUrl, pasted.Sender, pasted.PublishedOn, now);
            var call = CallRecordFactory.Create(new CallCandidate { Source = "console", Text = pasted.Text, Url = sourceUrl, Sender = pasted.Sender, PublishedOn = pasted.PublishedOn }, normalised, now);
            var notice = normalised.IsFundingCall ? null : "Attention : ce texte ne ressemble pas à un appel à financement (" + normalised.NotFundingReason + ").";
            return NewCallPage.Result(console.Frame, CallDraft.From(call), pasted.FileName, notice, null, StatusCodes.Status200OK);
        }, cancellationToken);

    /// <summary>POST console/nouvel-appel/publier: the corrected call through the submission use case (alerts follow).</summary>
    public Task<IResult> PublishAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var draft = CallDraft.From(form);
            var result = await submissions.SubmitAsync(draft.ToSubmission(), cancellationToken).ConfigureAwait(false);
            if (result.Errors is not null)
            {
                // Invalid, or the URL of another call: the form again, saying which field.
                return NewCallPage.Result(console.Frame, draft, null, null, result.Errors.ToDictionary(), Problems.StatusOf(result.Kind));
            }
            var planned = result.Kind == OutcomeKind.Created ? result.Value!.AlertsPlanned.ToString(System.Globalization.CultureInfo.InvariantCulture) : "connu";
            return WebPage.SeeOther($"{ConsoleNavigation.Calls}/{result.Value!.Call.Id}?publie={planned}");
        }, cancellationToken);

    private static CallsQuery ReadQuery(IQueryCollection q) => new(
        Enum.TryParse<CallStatus>(q["statut"].ToString(), ignoreCase: true, out var status) ? status : null,
        QueryValues.Text(q, "theme"), QueryValues.Text(q, "departement"), QueryValues.Text(q, "financeur"), QueryValues.Text(q, "structure")?.ToUpperInvariant(),
        int.TryParse(q["jours"].ToString(), out var days) && days is > 0 and <= 366 ? days : null,
        int.TryParse(q["page"].ToString(), out var page) && page > 0 ? page : 1);
}
