using System.Globalization;
using AvecSante.Api.Documents;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Space;

/// <summary>
/// The experience library for coordinators: GET /api/espace/bibliotheque (browse and search sheets), GET
/// /api/espace/bibliotheque/{id} (a sheet with its method fields) and GET /api/espace/bibliotheque/{id}/fichier (the
/// file, streamed as the documents API streams it). Only experience sheets out of the bin; signed-in people only.
/// </summary>
public sealed class SpaceLibraryHandlers(SpaceGate gate, DocumentLibrary library, DocumentsHandlers documents)
{
    public async Task<IResult> LibraryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        var filter = ReadFilter(request.Query);
        var found = await library.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return WebPage.Render<LibraryPage>(new Dictionary<string, object?>
        {
            [nameof(LibraryPage.Frame)] = visit.Frame,
            [nameof(LibraryPage.Filter)] = filter,
            [nameof(LibraryPage.Sheets)] = found.OrderByDescending(s => s.Year ?? 0).ThenBy(s => s.Title, StringComparer.Ordinal).ToList(),
        });
    }

    public async Task<IResult> SheetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } sheet)
        {
            return NotFound(visit);
        }
        return WebPage.Render<SheetPage>(new Dictionary<string, object?>
        {
            [nameof(SheetPage.Frame)] = visit.Frame,
            [nameof(SheetPage.Sheet)] = sheet,
        });
    }

    public async Task<IResult> DownloadAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound(visit);
        }
        // The documents API's own download (current version, safe headers, ETag, ranges): no second copy of that rule.
        return await documents.DownloadAsync(request, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LibraryDocument?> FindAsync(string id, CancellationToken cancellationToken) =>
        StableKeys.IsSafe(id ?? string.Empty) && await library.GetAsync(id!, cancellationToken).ConfigureAwait(false) is { IsDeleted: false } document
            && document.Description.Kind == DocumentKinds.ExperienceSheet
            ? document
            : null;

    private static IResult NotFound(SpaceVisit visit) =>
        WebPage.Message(visit.Frame, StatusCodes.Status404NotFound, "Fiche introuvable",
            "Cette fiche n'existe pas ou a été retirée de la bibliothèque.", SpaceGate.Library, "Parcourir la bibliothèque");

    public static DocumentFilter ReadFilter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new DocumentFilter
        {
            Kind = DocumentKinds.ExperienceSheet,
            Theme = QueryValues.Text(query, "theme") is { } t && Themes.IsKnown(t) ? t : null,
            Department = QueryValues.Text(query, "departement") is { } d && (Departments.IsBreton(d) || d == "regional") ? d : null,
            Year = int.TryParse(QueryValues.Text(query, "annee"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100 ? year : null,
            Query = QueryValues.Text(query, "q", QueryValues.SearchMaxLength),
        };
    }
}
