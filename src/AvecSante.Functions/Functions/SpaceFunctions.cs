using AvecSante.Api.Space;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>
/// Binds FunctionCatalog's routes of the coordinators' space and delegates; the parity test keeps it so. Anonymous to
/// the host: the handlers themselves refuse anyone without a session (or, for the feed, without its unguessable token).
/// </summary>
public sealed class SpaceFunctions(SpaceBoardHandlers board, SpaceLibraryHandlers library, SpacePersonalHandlers personal, SpaceSignInHandlers signIn, CalendarFeedHandlers calendar)
{
    [Function("SpaceBoard")]
    public Task<IResult> SpaceBoard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace")] HttpRequest req, CancellationToken cancellationToken) => board.BoardAsync(req, cancellationToken);

    [Function("SpaceCall")]
    public Task<IResult> SpaceCall([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/appels/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => board.CallAsync(req, id, cancellationToken);

    [Function("SpaceCallCalendar")]
    public Task<IResult> SpaceCallCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/appels/{id}/agenda.ics")] HttpRequest req, string id, CancellationToken cancellationToken) => board.CallCalendarAsync(req, id, cancellationToken);

    [Function("SpaceLibrary")]
    public Task<IResult> SpaceLibrary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/bibliotheque")] HttpRequest req, CancellationToken cancellationToken) => library.LibraryAsync(req, cancellationToken);

    [Function("SpaceSheet")]
    public Task<IResult> SpaceSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/bibliotheque/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => library.SheetAsync(req, id, cancellationToken);

    [Function("SpaceSheetFile")]
    public Task<IResult> SpaceSheetFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/bibliotheque/{id}/fichier")] HttpRequest req, string id, CancellationToken cancellationToken) => library.DownloadAsync(req, id, cancellationToken);

    [Function("SpaceAgenda")]
    public Task<IResult> SpaceAgenda([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/agenda")] HttpRequest req, CancellationToken cancellationToken) => personal.AgendaAsync(req, cancellationToken);

    [Function("SpaceAgendaIssue")]
    public Task<IResult> SpaceAgendaIssue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "espace/agenda")] HttpRequest req, CancellationToken cancellationToken) => personal.IssueAsync(req, cancellationToken);

    [Function("SpaceAgendaRevoke")]
    public Task<IResult> SpaceAgendaRevoke([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "espace/agenda/revoquer")] HttpRequest req, CancellationToken cancellationToken) => personal.RevokeAsync(req, cancellationToken);

    [Function("SpacePreferences")]
    public Task<IResult> SpacePreferences([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/preferences")] HttpRequest req, CancellationToken cancellationToken) => personal.PreferencesAsync(req, cancellationToken);

    [Function("SpaceSignInForm")]
    public Task<IResult> SpaceSignInForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/connexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.ShowAsync(req, cancellationToken);

    [Function("SpaceSignInRequest")]
    public Task<IResult> SpaceSignInRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "espace/connexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.RequestAsync(req, cancellationToken);

    [Function("SpaceSignInLink")]
    public Task<IResult> SpaceSignInLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/entrer/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => signIn.ShowEnterAsync(req, token, cancellationToken);

    [Function("SpaceSignInEnter")]
    public Task<IResult> SpaceSignInEnter([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "espace/entrer/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => signIn.EnterAsync(req, token, cancellationToken);

    [Function("SpaceSignOut")]
    public Task<IResult> SpaceSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "espace/deconnexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.SignOutAsync(req, cancellationToken);

    [Function("SpaceCalendarFeed")]
    public Task<IResult> SpaceCalendarFeed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/agenda/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => calendar.FeedAsync(req, token, cancellationToken);
}
