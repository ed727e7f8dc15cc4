using System.Globalization;
using System.Text;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Space;

/// <summary>
/// GET /api/espace (the board of open calls), GET /api/espace/appels/{id} (a call with up to three related sheets) and
/// GET /api/espace/appels/{id}/agenda.ics (its deadline for the person's calendar). Signed-in people only.
/// </summary>
public sealed class SpaceBoardHandlers(SpaceGate gate, ICallRepository calls, OpenCallsSnapshot openCalls, IExperienceSheetFinder sheets, TimeProvider clock)
{
    /// <summary>A board is for reading on a phone: beyond this, the page asks for a filter rather than growing without end.</summary>
    public const int MaxPerSection = 60;

    public static readonly IReadOnlyList<int> ClosingChoices = [7, 14, 30, 60];

    public async Task<IResult> BoardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        var filter = ReadFilter(request.Query);
        var open = await openCalls.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return WebPage.Render<BoardPage>(new Dictionary<string, object?>
        {
            [nameof(BoardPage.Frame)] = visit.Frame,
            [nameof(BoardPage.Board)] = SpaceBoard.Build(open, visit.Person, filter, now),
            [nameof(BoardPage.Filter)] = filter,
            [nameof(BoardPage.Now)] = now,
        });
    }

    public async Task<IResult> CallAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } call)
        {
            return NotFound(visit);
        }
        return WebPage.Render<CallPage>(new Dictionary<string, object?>
        {
            [nameof(CallPage.Frame)] = visit.Frame,
            [nameof(CallPage.Call)] = call,
            [nameof(CallPage.Sheets)] = await RelatedSheetsAsync(call, cancellationToken).ConfigureAwait(false),
            [nameof(CallPage.ForYou)] = SpaceBoard.Concerns(call, visit.Person),
            [nameof(CallPage.Now)] = clock.GetUtcNow(),
        });
    }

    public async Task<IResult> CallCalendarAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Deadline: not null } call)
        {
            return NotFound(visit);
        }
        var ics = DeadlineCalendar.Write(DeadlineCalendar.EntryFor(call, PersonalCalendarWriter.IsCancelled(call)), clock.GetUtcNow());
        return Results.File(Encoding.UTF8.GetBytes(ics), DeadlineCalendar.ContentType + "; charset=utf-8", "date-limite.ics");
    }

    /// <summary>Up to three sheets on the call's themes, the best of each theme first, never twice the same.</summary>
    private async Task<IReadOnlyList<DocumentSummary>> RelatedSheetsAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        var found = new List<DocumentSummary>();
        foreach (var theme in call.Themes.Where(Themes.IsKnown))
        {
            foreach (var sheet in await sheets.FindForThemeAsync(theme, IExperienceSheetFinder.DefaultMax, cancellationToken).ConfigureAwait(false))
            {
                if (found.Count < IExperienceSheetFinder.DefaultMax && found.TrueForAll(s => s.Id != sheet.Id))
                {
                    found.Add(sheet);
                }
            }
        }
        return found;
    }

    private async Task<CallForProjects?> FindAsync(string id, CancellationToken cancellationToken) =>
        StableKeys.IsSafe(id ?? string.Empty) ? await calls.GetAsync(id!, cancellationToken).ConfigureAwait(false) : null;

    private static IResult NotFound(SpaceVisit visit) =>
        WebPage.Message(visit.Frame, StatusCodes.Status404NotFound, "Appel introuvable",
            "Cet appel n'existe pas ou n'est plus publié. Les appels ouverts sont sur le tableau.", SpaceGate.Board, "Voir les appels ouverts");

    /// <summary>Unknown values are ignored (a stale bookmark still opens the board), never stored or echoed unchecked.</summary>
    public static BoardFilter ReadFilter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var theme = QueryValues.Text(query, "theme") is { } t && Themes.IsKnown(t) ? t : null;
        var department = QueryValues.Text(query, "departement") is { } d && Departments.IsBreton(d) ? d : null;
        var kind = QueryValues.Text(query, "structure") is { } k && StructureKinds.IsKnown(k) ? k : null;
        var within = int.TryParse(QueryValues.Text(query, "echeance"), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 366 ? days : (int?)null;
        return new BoardFilter(theme, QueryValues.Text(query, "financeur", QueryValues.SearchMaxLength), department, kind, within);
    }
}
