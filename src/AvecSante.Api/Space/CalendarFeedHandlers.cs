using System.Text;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Space;

/// <summary>
/// GET /api/espace/agenda/{token}.ics: public (calendar apps send no cookie), the unguessable token is the key. An
/// unknown, revoked or erased token gets the same 404, so a probe learns nothing.
/// </summary>
public sealed class CalendarFeedHandlers(PersonalCalendar calendar)
{
    public async Task<IResult> FeedAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = token?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) == true ? token[..^4] : token;
        var ics = await calendar.RenderAsync(value, cancellationToken).ConfigureAwait(false);
        if (ics is null)
        {
            return Results.Text("Cette adresse d'agenda n'existe pas ou a été révoquée. Créez-en une nouvelle depuis l'espace des coordinateurs.",
                "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        // Private to the person: never kept by a shared cache.
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=900";
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}
