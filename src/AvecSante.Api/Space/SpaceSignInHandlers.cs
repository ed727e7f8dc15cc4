using AvecSante.Api.Web;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Space;

/// <summary>
/// The space's door: ask for a link (GET|POST /api/espace/connexion), open it (GET /api/espace/entrer/{token} shows a
/// button, the POST uses the link: mail filters that fetch links cannot spend it), sign out (POST /api/espace/deconnexion).
/// </summary>
public sealed partial class SpaceSignInHandlers(SpaceSignIn signIn, SpaceGate gate, SpaceSettings settings, ILogger<SpaceSignInHandlers> logger)
{
    /// <summary>GET /api/espace/connexion: the address form (or straight in, for someone already signed in).</summary>
    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = Target(request.Query["vers"]);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not null)
        {
            return WebPage.SeeOther(target ?? SpaceGate.Board);
        }
        return SignInForm(request, target, SignInPage.Step.Form, StatusCodes.Status200OK);
    }

    /// <summary>POST /api/espace/connexion: plans the email; the answer is the same whether the address is known or not.</summary>
    public async Task<IResult> RequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.ReadFormAsync(request, null, cancellationToken).ConfigureAwait(false) is not { } form)
        {
            return gate.StaleForm(request, null);
        }
        var target = Target(form["vers"]);
        var outcome = await signIn.RequestLinkAsync(form["email"].ToString(), SpaceGate.ClientKey(request), target, cancellationToken).ConfigureAwait(false);
        LogRequested(outcome);
        return outcome switch
        {
            SignInRequestOutcome.Accepted => SignInForm(request, target, SignInPage.Step.Sent, StatusCodes.Status200OK),
            SignInRequestOutcome.InvalidAddress => SignInForm(request, target, SignInPage.Step.InvalidAddress, StatusCodes.Status422UnprocessableEntity, form["email"]),
            _ => SignInForm(request, target, SignInPage.Step.TooMany, StatusCodes.Status429TooManyRequests),
        };
    }

    /// <summary>GET /api/espace/entrer/{token}: says what the link is worth and offers the button that uses it.</summary>
    public async Task<IResult> ShowEnterAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = await signIn.CheckAsync(token, cancellationToken).ConfigureAwait(false);
        if (state != SignInLinkState.Valid)
        {
            return LinkRefused(request, state, Target(request.Query["vers"]));
        }
        return WebPage.Render<EnterPage>(new Dictionary<string, object?>
        {
            [nameof(EnterPage.Frame)] = gate.FrameFor(request, null),
            [nameof(EnterPage.Action)] = request.Path.Value,
            [nameof(EnterPage.Target)] = Target(request.Query["vers"]),
        });
    }

    /// <summary>POST /api/espace/entrer/{token}: uses the link once, opens the session, goes where the person was heading.</summary>
    public async Task<IResult> EnterAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.ReadFormAsync(request, null, cancellationToken).ConfigureAwait(false) is not { } form)
        {
            return gate.StaleForm(request, null);
        }
        var target = Target(form["vers"]);
        var redeemed = await signIn.RedeemAsync(token, cancellationToken).ConfigureAwait(false);
        if (redeemed.State != SignInLinkState.Valid)
        {
            return LinkRefused(request, redeemed.State, target);
        }
        WebCookies.Set(request.HttpContext, SpaceGate.CookieName, redeemed.SessionToken!, settings.SessionLength);
        LogSignedIn(redeemed.Person!.Id);
        return WebPage.SeeOther(target ?? SpaceGate.Board);
    }

    /// <summary>POST /api/espace/deconnexion: ends the session server-side and forgets the cookie.</summary>
    public async Task<IResult> SignOutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await gate.VisitAsync(request, cancellationToken).ConfigureAwait(false) is not { } visit)
        {
            return WebPage.SeeOther(SpaceGate.SignInPath);
        }
        if (await gate.ReadFormAsync(request, visit.Person, cancellationToken).ConfigureAwait(false) is null)
        {
            return gate.StaleForm(request, visit.Person);
        }
        await signIn.SignOutAsync(WebCookies.Get(request, SpaceGate.CookieName), cancellationToken).ConfigureAwait(false);
        WebCookies.Delete(request.HttpContext, SpaceGate.CookieName);
        return WebPage.Message(gate.FrameFor(request, null), StatusCodes.Status200OK, "Vous êtes déconnecté(e)",
            "Votre session est terminée sur cet appareil. Pour revenir, demandez un nouveau lien.", SpaceGate.SignInPath, "Recevoir un lien de connexion");
    }

    private IResult SignInForm(HttpRequest request, string? target, SignInPage.Step step, int status, string? email = null) =>
        WebPage.Render<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Frame)] = gate.FrameFor(request, null),
            [nameof(SignInPage.Current)] = step,
            [nameof(SignInPage.Target)] = target,
            [nameof(SignInPage.Email)] = email,
            [nameof(SignInPage.LinkMinutes)] = (int)settings.SignInLinkValidity.TotalMinutes,
        }, status);

    private IResult LinkRefused(HttpRequest request, SignInLinkState state, string? target)
    {
        var again = SpaceGate.SignInPath + (target is null ? string.Empty : "?vers=" + Uri.EscapeDataString(target));
        var (status, title, text) = state switch
        {
            SignInLinkState.Expired => (StatusCodes.Status410Gone, "Ce lien a expiré",
                $"Les liens de connexion ne fonctionnent que {(int)settings.SignInLinkValidity.TotalMinutes} minutes. Demandez-en un nouveau : il arrive en une minute environ."),
            SignInLinkState.Used => (StatusCodes.Status410Gone, "Ce lien a déjà servi",
                "Chaque lien de connexion ne sert qu'une fois. Si vous êtes déjà entré(e) sur cet appareil, ouvrez simplement l'espace ; sinon, demandez un nouveau lien."),
            SignInLinkState.NotAllowed => (StatusCodes.Status403Forbidden, "Accès non ouvert",
                "L'espace est réservé aux coordinatrices, coordinateurs et responsables des structures adhérentes. Contactez la fédération si vous pensez y avoir droit."),
            _ => (StatusCodes.Status400BadRequest, "Ce lien n'est pas valide",
                "Le lien est incomplet ou a été modifié. Copiez-le en entier depuis l'email, ou demandez-en un nouveau."),
        };
        LogRefused(state);
        return WebPage.Message(gate.FrameFor(request, null), status, title, text, again, "Recevoir un nouveau lien");
    }

    private static string? Target(Microsoft.Extensions.Primitives.StringValues value) =>
        SpaceAddresses.IsSpacePath(value.ToString()) ? value.ToString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Space sign-in link asked for: {Outcome}")]
    private partial void LogRequested(SignInRequestOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} entered the space by an emailed link")]
    private partial void LogSignedIn(string personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A space sign-in link was refused: {State}")]
    private partial void LogRefused(SignInLinkState state);
}
