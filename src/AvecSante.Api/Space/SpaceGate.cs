using System.Net;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Members;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Space;

/// <summary>A signed-in visit of the space: the person, and the frame its pages hand the layout.</summary>
public sealed record SpaceVisit(Person Person, WebFrame Frame);

/// <summary>
/// The door of the space: every page asks it who is there (the session cookie, checked server-side) and gets either a
/// visit or the redirect to the sign-in page (which brings the person back here after the emailed link). Also builds
/// the frame of the space's pages and checks their form tokens.
/// </summary>
public sealed class SpaceGate(SpaceSignIn signIn, CsrfTokens csrf)
{
    public const string CookieName = "avs-espace";

    public const string Board = WebRoutes.Espace;
    public const string SignInPath = WebRoutes.Espace + "/connexion";
    public const string SignOutPath = WebRoutes.Espace + "/deconnexion";
    public const string Library = WebRoutes.Espace + "/bibliotheque";
    public const string Agenda = WebRoutes.Espace + "/agenda";
    public const string Preferences = WebRoutes.Espace + "/preferences";

    public static IReadOnlyList<NavItem> Navigation { get; } =
    [
        new("Appels à projets", Board),
        new("Bibliothèque d'expériences", Library),
        new("Mon agenda", Agenda),
        new("Mes alertes", Preferences),
    ];

    public static string CallPath(string id) => $"{Board}/appels/{Uri.EscapeDataString(id)}";

    public static string SheetPath(string id) => $"{Library}/{Uri.EscapeDataString(id)}";

    /// <summary>The visit of the request's session, or null when there is none (no cookie, ended, expired, erased).</summary>
    public async Task<SpaceVisit?> VisitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = await signIn.ResolveSessionAsync(WebCookies.Get(request, CookieName), cancellationToken).ConfigureAwait(false);
        return person is null ? null : new SpaceVisit(person, FrameFor(request, person));
    }

    /// <summary>No session: to the sign-in page, which keeps where the person wanted to go.</summary>
    public static IResult ToSignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var here = request.Path.Value + request.QueryString.Value;
        return WebPage.SeeOther(SignInPath + (SpaceAddresses.IsSpacePath(here) && request.Method == HttpMethods.Get ? "?vers=" + Uri.EscapeDataString(here) : string.Empty));
    }

    public WebFrame FrameFor(HttpRequest request, Person? person)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        return person is null
            ? new WebFrame(WebArea.Espace, [], request.Path.Value ?? Board, null, csrf.TokenFor(context, string.Empty), null)
            : new WebFrame(WebArea.Espace, Navigation, request.Path.Value ?? Board, person.DisplayName, csrf.TokenFor(context, person.Id), SignOutPath);
    }

    /// <summary>The posted form, when its token is this browser's and this person's (null person: the sign-in forms).</summary>
    public async Task<IFormCollection?> ReadFormAsync(HttpRequest request, Person? person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }
        // An unreadable form (truncated, over-long key) is answered as a stale one: the person reloads the page.
        var form = (await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Form;
        return form is not null && csrf.IsValid(request, form, person?.Id ?? string.Empty) ? form : null;
    }

    public IResult StaleForm(HttpRequest request, Person? person) =>
        WebPage.Message(FrameFor(request, person), StatusCodes.Status400BadRequest, "Formulaire expiré",
            "Ce formulaire a expiré ou ne vient pas de cette page. Rechargez la page puis recommencez.", person is null ? SignInPath : Board, "Revenir à la page");

    /// <summary>
    /// Who asks, for the per-client limit: the address the platform's front end appended last to X-Forwarded-For (a
    /// client can write the header, but not after the front end), else the connection's.
    /// </summary>
    public static string ClientKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return forwarded.Length > 0 ? forwarded[^1] : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();
    }
}
