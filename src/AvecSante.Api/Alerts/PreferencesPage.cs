using System.Globalization;
using System.Text;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Alerts;

/// <summary>
/// The public pages reached from emails: plain server-rendered French HTML that works without JavaScript, with real
/// labels, fieldsets and headings. Nothing here shows another person's data; errors never show a stack or an id.
/// </summary>
internal static class PreferencesPage
{
    public static readonly IReadOnlyList<int> OfferedOffsets = [30, 21, 14, 7, 3, 2, 1];

    private static string H(string? text) => Html.Encode(text);

    public static IResult Form(Person person, string preferencesToken, string unsubscribeToken, string? notice)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"<h1>Mes alertes sur les appels à projets</h1>");
        body.AppendLine(CultureInfo.InvariantCulture, $"<p>Bonjour {H(person.FirstName)}, choisissez ce que vous recevez d&#39;AVECsanté Bretagne.</p>");
        if (notice is not null)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"<p role=\"status\" class=\"notice\">{H(notice)}</p>");
        }
        if (!person.Preferences.AlertsEnabled)
        {
            body.AppendLine("<p class=\"notice\">Vous êtes actuellement désabonné(e) : vous ne recevez aucune alerte. Cochez « Recevoir les alertes » pour les réactiver.</p>");
        }
        body.AppendLine(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/api/preferences/{H(preferencesToken)}\">");

        AppendChoices(body, person);
        body.AppendLine("<p><button type=\"submit\">Enregistrer mes préférences</button></p>");
        body.AppendLine("</form>");

        body.AppendLine("<h2 id=\"desabonnement\">Ne plus rien recevoir</h2>");
        body.AppendLine(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/api/unsubscribe/{H(unsubscribeToken)}\">");
        body.AppendLine("<p><button type=\"submit\">Me désabonner de toutes les alertes</button></p>");
        body.AppendLine("</form>");

        body.AppendLine("<h2 id=\"revocation\">Ce lien a été transféré ?</h2>");
        body.AppendLine("<p>Les liens de nos emails ouvrent cette page sans mot de passe. Si un email a été transféré, désactivez-les : un nouveau lien arrivera avec la prochaine alerte.</p>");
        body.AppendLine(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/api/preferences/{H(preferencesToken)}\">");
        body.AppendLine("<p><button type=\"submit\" name=\"action\" value=\"revoke\">Désactiver tous mes liens de préférences</button></p>");
        body.AppendLine("</form>");
        return Page(StatusCodes.Status200OK, "Mes alertes — AVECsanté Bretagne", body.ToString());
    }

    /// <summary>The fieldsets of the preferences form: what to receive, reminder offsets, themes, departments, structure kinds.</summary>
    private static void AppendChoices(StringBuilder body, Person person)
    {
        var p = person.Preferences;
        var departments = PreferenceDefaults.Departments(person);
        var kinds = PreferenceDefaults.StructureKinds(person);
        body.AppendLine("<fieldset><legend>Recevoir</legend>");
        body.AppendLine(Check("alerts", "on", "Recevoir les alertes (décochez pour ne plus rien recevoir)", p.AlertsEnabled, "alerts"));
        body.AppendLine(Check("email", "on", "Un email le jour où un appel qui me concerne est publié ou modifié", p.Channels.Contains(AlertKinds.EmailChannel), "email"));
        body.AppendLine(Check("digest", "on", "Le récapitulatif du lundi matin", p.DigestEnabled, "digest"));
        body.AppendLine(Check("reminders", "on", "Des rappels avant les dates limites", p.RemindersEnabled, "reminders"));
        body.AppendLine("</fieldset>");

        body.AppendLine("<fieldset><legend>Rappels : combien de jours avant la date limite ?</legend>");
        foreach (var offset in OfferedOffsets)
        {
            body.AppendLine(Check("offset", offset.ToString(CultureInfo.InvariantCulture), $"{offset} jour{(offset > 1 ? "s" : string.Empty)} avant", p.ReminderOffsets.Contains(offset), $"offset-{offset}"));
        }
        body.AppendLine("</fieldset>");

        body.AppendLine("<fieldset><legend>Thèmes (aucun coché : tous les thèmes)</legend>");
        foreach (var (code, label) in Themes.Labels)
        {
            body.AppendLine(Check("theme", code, label, p.Themes.Contains(code), $"theme-{code}"));
        }
        body.AppendLine("</fieldset>");

        body.AppendLine("<fieldset><legend>Départements (aucun coché : toute la Bretagne)</legend>");
        foreach (var code in new[] { "22", "29", "35", "56" })
        {
            body.AppendLine(Check("department", code, $"{Departments.Label(code)} ({code})", departments.Contains(code), $"department-{code}"));
        }
        body.AppendLine("</fieldset>");

        body.AppendLine("<fieldset><legend>Types de structure (aucun coché : tous)</legend>");
        foreach (var code in new[] { "MSP", "ESP", "CDS", "CPTS" })
        {
            body.AppendLine(Check("kind", code, $"{StructureKinds.Labels[code]} ({code})", kinds.Contains(code), $"kind-{code}"));
        }
        body.AppendLine("</fieldset>");
    }

    /// <summary>No name, no address: whoever holds a forwarded unsubscribe link learns nothing about the person.</summary>
    public static IResult Unsubscribed() => Page(StatusCodes.Status200OK, "Désabonnement confirmé — AVECsanté Bretagne", """
        <h1>Désabonnement confirmé</h1>
        <p role="status">Vous ne recevrez plus d&#39;alertes sur les appels à projets, à partir du prochain envoi.</p>
        <p>Vous pouvez revenir sur ce choix avec le lien « Modifier mes préférences » d&#39;un email précédent.</p>
        """);

    public static IResult LinksRevoked() => Page(StatusCodes.Status200OK, "Liens désactivés — AVECsanté Bretagne", """
        <h1>Vos liens sont désactivés</h1>
        <p role="status">Plus aucun lien de préférences envoyé jusqu&#39;ici ne fonctionne, celui-ci compris.</p>
        <p>Un nouveau lien arrivera avec la prochaine alerte ; vous pouvez aussi écrire à la fédération.</p>
        """);

    public static IResult LinkProblem(LinkProblem problem) => problem switch
    {
        Core.Alerts.LinkProblem.Revoked => Page(StatusCodes.Status410Gone, "Lien désactivé — AVECsanté Bretagne", """
            <h1>Ce lien a été désactivé</h1>
            <p>Les liens de préférences envoyés avant une désactivation ne fonctionnent plus.</p>
            <p>Utilisez le lien d&#39;un email plus récent, ou écrivez à la fédération pour modifier vos alertes.</p>
            """),
        Core.Alerts.LinkProblem.Expired => Page(StatusCodes.Status410Gone, "Lien expiré — AVECsanté Bretagne", """
            <h1>Ce lien a expiré</h1>
            <p>Pour protéger vos préférences, les liens de nos emails ne fonctionnent qu&#39;un temps limité.</p>
            <p>Utilisez le lien de l&#39;email le plus récent que vous avez reçu, ou écrivez à la fédération pour modifier vos alertes.</p>
            """),
        _ => Page(StatusCodes.Status403Forbidden, "Lien non valide — AVECsanté Bretagne", """
            <h1>Ce lien n&#39;est pas valide</h1>
            <p>Il a peut-être été mal copié ou coupé en deux par votre messagerie.</p>
            <p>Ouvrez de nouveau le lien depuis l&#39;email reçu, ou écrivez à la fédération pour modifier vos alertes.</p>
            """),
    };

    public static IResult PersonGone() => Page(StatusCodes.Status404NotFound, "Préférences introuvables — AVECsanté Bretagne", """
        <h1>Nous ne trouvons plus vos préférences</h1>
        <p>Vos données ont peut-être été effacées à votre demande. Vous ne recevez plus d&#39;alertes.</p>
        """);

    public static IResult NotAForm() => Page(StatusCodes.Status415UnsupportedMediaType, "Formulaire attendu — AVECsanté Bretagne", """
        <h1>Formulaire attendu</h1>
        <p>Cette adresse reçoit le formulaire de la page de préférences. Ouvrez la page depuis le lien de l&#39;email.</p>
        """);

    private static string Check(string name, string value, string label, bool isChecked, string id) =>
        $"<div><input type=\"checkbox\" id=\"{H(id)}\" name=\"{H(name)}\" value=\"{H(value)}\"{(isChecked ? " checked" : string.Empty)}> <label for=\"{H(id)}\">{H(label)}</label></div>";

    private static HtmlPage Page(int status, string title, string body) => new(status, $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{H(title)}</title>
        <style>
        body {"{"} font-family: Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; max-width: 42em; margin: 1.5em auto; padding: 0 1em; {"}"}
        fieldset {"{"} margin: 1em 0; border: 1px solid #6b6b6b; {"}"}
        legend {"{"} font-weight: bold; {"}"}
        button {"{"} font-size: 1rem; padding: .5em 1em; {"}"}
        .notice {"{"} border-left: .3em solid #0b5394; padding-left: .6em; {"}"}
        :focus {"{"} outline: 3px solid #0b5394; {"}"}
        </style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """);

    /// <summary>An HTML answer that is never cached and never leaks its URL (the token) in a Referer.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
