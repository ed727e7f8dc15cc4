using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Space;

/// <summary>
/// What belongs to the signed-in person: the calendar subscription (GET /api/espace/agenda; POST to create or replace
/// it; POST /api/espace/agenda/revoquer) and the alert preferences (GET /api/espace/preferences opens the preferences
/// page by a freshly signed link, the same page every email links to).
/// </summary>
public sealed class SpacePersonalHandlers(SpaceGate gate, PersonalCalendar calendar, SpaceAddresses addresses, SignedLinks links)
{
    public async Task<IResult> AgendaAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        return await AgendaPageAsync(visit, newToken: null, notice: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/espace/agenda: a new address, shown once; the earlier one stops working.</summary>
    public async Task<IResult> IssueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await gate.ReadFormAsync(request, visit.Person, cancellationToken).ConfigureAwait(false) is null)
        {
            return gate.StaleForm(request, visit.Person);
        }
        var token = await calendar.IssueAsync(visit.Person.Id, cancellationToken).ConfigureAwait(false);
        return await AgendaPageAsync(visit, token, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/espace/agenda/revoquer: the address stops working at once (calendars keep what they had).</summary>
    public async Task<IResult> RevokeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        if (await gate.ReadFormAsync(request, visit.Person, cancellationToken).ConfigureAwait(false) is null)
        {
            return gate.StaleForm(request, visit.Person);
        }
        await calendar.RevokeAsync(visit.Person.Id, cancellationToken).ConfigureAwait(false);
        return await AgendaPageAsync(visit, null, "Votre adresse d'abonnement est révoquée : elle ne fonctionne plus.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /api/espace/preferences: to the preferences page, by a link signed now for this person.</summary>
    public async Task<IResult> PreferencesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return SpaceGate.ToSignIn(request);
        }
        return WebPage.SeeOther(links.PreferencesUrl(visit.Person.Id).PathAndQuery);
    }

    private async Task<IResult> AgendaPageAsync(SpaceVisit visit, string? newToken, string? notice, CancellationToken cancellationToken) =>
        WebPage.Render<AgendaPage>(new Dictionary<string, object?>
        {
            [nameof(AgendaPage.Frame)] = visit.Frame,
            [nameof(AgendaPage.HasFeed)] = newToken is not null || await calendar.HasFeedAsync(visit.Person.Id, cancellationToken).ConfigureAwait(false),
            [nameof(AgendaPage.Webcal)] = newToken is null ? null : addresses.CalendarFeed(newToken, webcal: true).ToString(),
            [nameof(AgendaPage.Https)] = newToken is null ? null : addresses.CalendarFeed(newToken, webcal: false).ToString(),
            [nameof(AgendaPage.Notice)] = notice,
        });
}
