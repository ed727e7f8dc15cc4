using System.Security.Claims;
using AvecSante.Api.Http;
using AvecSante.Api.Web;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>What a console page gets once the gate let the request in: the person and the frame of the layout.</summary>
public sealed record ConsoleRequest(HttpRequest Http, StaffMember Staff, WebFrame Frame);

/// <summary>
/// The door of every console page and form: staff only (anonymous GET → the sign-in page; anything else → 401/403 in
/// French), forms only with this person's token. The signed-in person becomes the request's user, so the audit trail
/// written by the use cases names them (CallerIdentity).
/// </summary>
public sealed class ConsoleGate(StaffAuthentication authentication, CsrfTokens csrf)
{
    public async Task<IResult> PageAsync(HttpRequest request, Func<ConsoleRequest, Task<IResult>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(render);
        var (console, refusal) = await AdmitAsync(request, cancellationToken).ConfigureAwait(false);
        return refusal ?? await render(console!).ConfigureAwait(false);
    }

    public async Task<IResult> FormAsync(HttpRequest request, Func<ConsoleRequest, IFormCollection, Task<IResult>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(act);
        var (console, refusal) = await AdmitAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!request.HasFormContentType)
        {
            return WebPage.Message(console!.Frame, StatusCodes.Status415UnsupportedMediaType, "Formulaire attendu",
                "Cette adresse reçoit les formulaires de la console.", WebRoutes.Console, "Retour à la console");
        }
        if ((await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Form is not { } form)
        {
            return WebPage.Message(console!.Frame, StatusCodes.Status400BadRequest, "Formulaire illisible",
                "Le formulaire envoyé est incomplet ou trop long. Rechargez la page et recommencez.", WebRoutes.Console, "Retour à la console");
        }
        if (!csrf.IsValid(request, form, console!.Staff.Id))
        {
            return WebPage.Message(console.Frame, StatusCodes.Status403Forbidden, "Formulaire expiré",
                "Ce formulaire n'a pas été envoyé depuis votre console, ou il a expiré. Rechargez la page et recommencez.",
                WebRoutes.Console, "Retour à la console");
        }
        return await act(console, form).ConfigureAwait(false);
    }

    /// <summary>The frame of a page seen by someone not (yet) admitted: no navigation, a token bound to nobody.</summary>
    public WebFrame AnonymousFrame(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new WebFrame(WebArea.Console, [], request.Path.Value ?? WebRoutes.Console, null, csrf.TokenFor(request.HttpContext, string.Empty), null);
    }

    private async Task<(ConsoleRequest?, IResult?)> AdmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var signIn = await authentication.IdentifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (signIn.State == StaffSignInState.NotStaff)
        {
            return (null, WebPage.Message(AnonymousFrame(request), StatusCodes.Status403Forbidden, "Accès réservé à l'équipe",
                "Votre compte Microsoft 365 n'a pas le rôle « Staff » de la console. Demandez-le à l'administrateur du tenant de la fédération."));
        }
        if (signIn.State == StaffSignInState.Anonymous)
        {
            return (null, HttpMethods.IsGet(request.Method)
                ? WebPage.SeeOther(ConsoleNavigation.SignIn + "?retour=" + Uri.EscapeDataString(request.Path.Value + request.QueryString.Value))
                : WebPage.Message(AnonymousFrame(request), StatusCodes.Status401Unauthorized, "Connexion requise",
                    "Connectez-vous à la console pour continuer.", ConsoleNavigation.SignIn, "Se connecter"));
        }
        var staff = signIn.Member!;
        request.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, staff.AuditName)], "console"));
        var frame = new WebFrame(WebArea.Console, ConsoleNavigation.Items, request.Path.Value ?? WebRoutes.Console, staff.Name,
            csrf.TokenFor(request.HttpContext, staff.Id), ConsoleNavigation.SignOut);
        return (new ConsoleRequest(request, staff, frame), null);
    }
}
