using AvecSante.Api.Http;
using AvecSante.Api.Web;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>Signing in and out of the console: Microsoft 365 through the platform, or the LocalHost's development choice.</summary>
public sealed class ConsoleSignInHandlers(StaffAuthentication authentication, ConsoleGate gate, CsrfTokens csrf, WebSessions sessions)
{
    /// <summary>The platform's sign-in (App Service Authentication), coming back to the console.</summary>
    public const string PlatformSignIn = "/.auth/login/aad?post_login_redirect_uri=";

    /// <summary>GET console/connexion.</summary>
    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = ConsoleNavigation.SafeReturn(request.Query["retour"]);
        var signIn = await authentication.IdentifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (signIn.State == StaffSignInState.Staff)
        {
            return WebPage.SeeOther(back);
        }
        return WebPage.Render<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Frame)] = gate.AnonymousFrame(request),
            [nameof(SignInPage.PlatformHref)] = authentication.HasEntraId ? PlatformSignIn + Uri.EscapeDataString(back) : null,
            [nameof(SignInPage.SampleStaff)] = authentication.Development?.SampleStaff,
            [nameof(SignInPage.Return)] = back,
            [nameof(SignInPage.Refused)] = signIn.State == StaffSignInState.NotStaff,
        }, signIn.State == StaffSignInState.NotStaff ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK);
    }

    /// <summary>POST console/connexion: the development sign-in only (the LocalHost's); elsewhere nothing signs in here.</summary>
    public async Task<IResult> SignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = gate.AnonymousFrame(request);
        if (authentication.Development is not { } development)
        {
            return WebPage.Message(frame, StatusCodes.Status404NotFound, "Connexion de développement indisponible",
                "Sur ce serveur, on se connecte avec son compte Microsoft 365.", ConsoleNavigation.SignIn, "Se connecter");
        }
        var form = request.HasFormContentType ? (await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Form : null;
        if (form is null || !csrf.IsValid(request, form, string.Empty))
        {
            return WebPage.Message(frame, StatusCodes.Status403Forbidden, "Formulaire expiré",
                "Rechargez la page de connexion et recommencez.", ConsoleNavigation.SignIn, "Se connecter");
        }
        if (development.SampleStaff.FirstOrDefault(s => s.Id == form["staff"].ToString()) is not { } chosen)
        {
            return WebPage.Message(frame, StatusCodes.Status422UnprocessableEntity, "Choisissez une personne",
                "Choisissez l'une des personnes de l'équipe proposées.", ConsoleNavigation.SignIn, "Retour à la connexion");
        }
        sessions.Start(request.HttpContext, StaffAuthentication.DevelopmentCookie, StaffAuthentication.DevelopmentPurpose, chosen.Id, StaffAuthentication.DevelopmentLifetime);
        return WebPage.SeeOther(ConsoleNavigation.SafeReturn(form["retour"]));
    }

    /// <summary>POST console/deconnexion: ends the development session, or the platform's.</summary>
    public Task<IResult> SignOutAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, (console, _) =>
        {
            WebSessions.End(console.Http.HttpContext, StaffAuthentication.DevelopmentCookie);
            return Task.FromResult(authentication.HasEntraId && authentication.Development is null
                ? WebPage.SeeOther("/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(ConsoleNavigation.SignIn))
                : WebPage.SeeOther(ConsoleNavigation.SignIn));
        }, cancellationToken);
}
