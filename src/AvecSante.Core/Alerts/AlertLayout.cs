using System.Globalization;
using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Alerts;

/// <summary>
/// Per-recipient tokens of an alert. One template per call (or per digest content) carries them; SendGrid substitutes
/// them per personalization, the other channels render them before sending. Text and HTML have their own tokens
/// because HTML values are escaped.
/// </summary>
public static class EmailTokens
{
    public const string FirstName = "%%prenom%%";
    public const string FirstNameHtml = "%%prenom_html%%";
    public const string Reason = "%%raison%%";
    public const string ReasonHtml = "%%raison_html%%";
    public const string PreferencesUrl = "%%lien_preferences%%";
    public const string UnsubscribeUrl = "%%lien_desabonnement%%";

    /// <summary>The coordinators' space (no trailing '/'): templates append "/appels/{id}" or "/bibliotheque/{id}".</summary>
    public const string SpaceUrl = "%%lien_espace%%";

    public static Dictionary<string, string> For(Person person, string? reason, SignedLinks? links)
    {
        ArgumentNullException.ThrowIfNull(person);
        var preferences = links?.PreferencesUrl(person.Id).ToString() ?? "#";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FirstName] = person.FirstName,
            [FirstNameHtml] = Common.Html.Encode(person.FirstName),
            [Reason] = reason ?? string.Empty,
            [ReasonHtml] = Common.Html.Encode(reason),
            [PreferencesUrl] = preferences,
            [UnsubscribeUrl] = links?.UnsubscribeUrl(person.Id).ToString() ?? "#",
            [SpaceUrl] = links is null ? "#" : new Space.SpaceAddresses(links.PublicBaseUrl).Board.ToString(),
        };
    }
}

/// <summary>The frame every alert shares: greeting, footer with the reason and the preference links, accessible HTML.</summary>
internal static class AlertLayout
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string H(string? text) => Common.Html.Encode(text);

    public static string Text(string body, string? reasonLine)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Bonjour {EmailTokens.FirstName},")
            .AppendLine()
            .Append(body.TrimEnd())
            .AppendLine()
            .AppendLine();
        if (reasonLine is not null)
        {
            text.AppendLine(reasonLine).AppendLine();
        }
        return text
            .AppendLine(CultureInfo.InvariantCulture, $"Modifier mes préférences ou me désabonner : {EmailTokens.PreferencesUrl}")
            .AppendLine()
            .AppendLine("L'équipe d'AVECsanté Bretagne")
            .ToString();
    }

    /// <summary>Real headings, no images, links that say where they go, French declared for screen readers.</summary>
    public static string Html(string subject, string bodyHtml, string? reasonHtml) => $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{H(subject)}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
        <p>Bonjour {EmailTokens.FirstNameHtml},</p>
        {bodyHtml}
        <footer>
        {(reasonHtml is null ? string.Empty : $"<p>{reasonHtml}</p>")}
        <p><a href="{EmailTokens.PreferencesUrl}">Modifier mes préférences ou me désabonner</a></p>
        <p>L&#39;équipe d&#39;AVECsanté Bretagne</p>
        </footer>
        </body>
        </html>
        """;

    public static string DayMonth(DateTimeOffset instant) => ParisTime.ToParis(instant).ToString("dd/MM", French);

    public static int DaysLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        ParisTime.ToParis(deadline).Date.Subtract(ParisTime.ToParis(now).Date).Days;

    /// <summary>The batch key: same kind and same bytes means one SendGrid request can carry them all.</summary>
    public static string BatchKey(string kind, EmailContent template) =>
        StableKeys.Digest(string.Join('\u001f', kind, template.Subject, template.TextBody, template.HtmlBody,
            string.Join(',', (template.Attachments ?? []).Select(a => a.FileName + ":" + StableKeys.Digest(a.ContentBase64, 16)))), 24);
}
