using System.Globalization;
using System.Text;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.People;

namespace AvecSante.Core.Notifications;

/// <summary>Writes the French email that tells a coordinator about a new call.</summary>
public static class NewCallAlertComposer
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static EmailContent Compose(CallForProjects call, Person person, MatchReason reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(reason);

        var deadline = DescribeDeadline(call.Deadline, now);
        var why = reason.ToFrench();
        var subject = call.Deadline is { } end
            ? $"Nouvel appel ({call.Funder}) : {call.Title} — avant le {ParisTime.ToParis(end).ToString("dd/MM", French)}"
            : $"Nouvel appel ({call.Funder}) : {call.Title}";

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Bonjour {person.FirstName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{call.Funder} publie un appel : {call.Title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Date limite : {deadline}")
            .AppendLine(call.Url is null ? "Lien : non communiqué" : $"Lien : {call.Url}")
            .AppendLine(call.Summary is null ? string.Empty : Environment.NewLine + call.Summary + Environment.NewLine)
            .AppendLine(CultureInfo.InvariantCulture, $"Vous recevez cet appel car : {why}.")
            .AppendLine()
            .AppendLine("L'équipe d'AVECsanté Bretagne")
            .ToString();

        static string H(string s) => Html.Encode(s);
        var link = call.Url is null
            ? "<p>Lien : non communiqué</p>"
            : $"<p><a href=\"{H(call.Url.ToString())}\">Lire l&#39;appel sur le site du financeur</a></p>";
        var summary = call.Summary is null ? string.Empty : $"<p>{H(call.Summary)}</p>";
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body>
            <p>Bonjour {H(person.FirstName)},</p>
            <h1>{H(call.Title)}</h1>
            <p>Financeur : <strong>{H(call.Funder)}</strong></p>
            <p>Date limite : <strong>{H(deadline)}</strong></p>
            {link}
            {summary}
            <p>Vous recevez cet appel car : {H(why)}.</p>
            <p>L&#39;équipe d&#39;AVECsanté Bretagne</p>
            </body>
            </html>
            """;

        return new EmailContent(person.Email, person.DisplayName, subject, text, html);
    }

    /// <summary>"vendredi 9 janvier 2026 à 18:00 (heure de Paris), dans 12 jours".</summary>
    public static string DescribeDeadline(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } end)
        {
            return "pas de date limite (dépôt au fil de l'eau)";
        }
        var paris = ParisTime.ToParis(end);
        var when = paris.ToString("dddd d MMMM yyyy 'à' HH:mm", French) + " (heure de Paris)";
        var days = ParisTime.ToParis(end).Date.Subtract(ParisTime.ToParis(now).Date).Days;
        var left = days switch
        {
            < 0 => "clôturé",
            0 => "aujourd'hui",
            1 => "demain",
            _ => $"dans {days} jours",
        };
        return $"{when}, {left}";
    }
}
