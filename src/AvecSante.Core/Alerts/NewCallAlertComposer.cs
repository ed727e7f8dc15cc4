using System.Globalization;
using System.Text;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using static AvecSante.Core.Alerts.AlertLayout;

namespace AvecSante.Core.Alerts;

/// <summary>Writes the French email that tells a coordinator about a new call.</summary>
public static class NewCallAlertComposer
{
    /// <summary>The email for one person, rendered (tests, previews). Planning uses <see cref="Template"/> once per call.</summary>
    public static EmailContent Compose(CallForProjects call, Person person, MatchReason reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(reason);
        return Template(call, now, []).Render(EmailTokens.For(person, reason.ToFrench(), links: null))
            with
        { ToAddress = person.Email, ToName = person.DisplayName };
    }

    /// <summary>
    /// The alert of a call with the recipient's tokens left in (first name, reason, links): the same bytes for every
    /// recipient, so SendGrid sends up to 1,000 of them in one request. Carries the deadline as an .ics.
    /// </summary>
    public static EmailContent Template(CallForProjects call, DateTimeOffset now, IReadOnlyList<DocumentSummary> sheets)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(sheets);
        call = OutsideText.ForEmail(call);
        sheets = sheets.Select(OutsideText.ForEmail).ToList();
        var deadline = DescribeDeadline(call.Deadline, now);
        var subject = call.Deadline is { } end
            ? $"Nouvel appel ({call.Funder}) : {call.Title} — avant le {DayMonth(end)}"
            : $"Nouvel appel ({call.Funder}) : {call.Title}";

        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{call.Funder} publie un appel : {call.Title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Date limite : {deadline}")
            .AppendLine(call.Url is null ? "Lien : non communiqué" : $"Lien : {call.Url}")
            .AppendLine(CultureInfo.InvariantCulture, $"Dans l'espace des coordinateurs : {SpaceCall(call)}");
        if (call.Summary is not null)
        {
            body.AppendLine().AppendLine(call.Summary);
        }
        if (sheets.Count > 0)
        {
            body.AppendLine().AppendLine("Des équipes ont partagé leur expérience sur ce thème :");
            foreach (var sheet in sheets)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- « {sheet.Title} »{SheetOrigin(sheet)} : {SpaceSheet(sheet)}");
            }
        }
        if (call.Deadline is not null)
        {
            body.AppendLine().AppendLine("La date limite est jointe (date-limite.ics) pour l'ajouter à votre agenda.");
        }

        var link = call.Url is null
            ? "<p>Lien : non communiqué</p>"
            : $"<p><a href=\"{H(call.Url.ToString())}\">Lire l&#39;appel « {H(call.Title)} » sur le site du financeur</a></p>";
        var summary = call.Summary is null ? string.Empty : $"<p>{H(call.Summary)}</p>";
        var sheetsHtml = sheets.Count == 0 ? string.Empty :
            "<h2>Des équipes ont partagé leur expérience sur ce thème</h2>\n<ul>\n"
            + string.Concat(sheets.Select(s => $"<li><a href=\"{SpaceSheet(s)}\">« {H(s.Title)} »</a>{H(SheetOrigin(s))}</li>\n"))
            + "</ul>";
        var html = Html(subject, $"""
            <h1>{H(call.Title)}</h1>
            <p>Financeur : <strong>{H(call.Funder)}</strong></p>
            <p>Date limite : <strong>{H(deadline)}</strong></p>
            {link}
            <p><a href="{SpaceCall(call)}">Voir l&#39;appel dans l&#39;espace des coordinateurs</a></p>
            {summary}
            {sheetsHtml}
            """, $"Vous recevez cet appel car : {EmailTokens.ReasonHtml}.");
        var text = Text(body.ToString(), $"Vous recevez cet appel car : {EmailTokens.Reason}.");

        IReadOnlyList<EmailAttachment>? attachments = call.Deadline is null ? null : [DeadlineCalendar.Attachment(call, now)];
        return new EmailContent(string.Empty, string.Empty, subject, text, html, attachments);
    }

    /// <summary>The call's page in the space, behind the recipient's own space address (a token, see <see cref="EmailTokens.SpaceUrl"/>).</summary>
    internal static string SpaceCall(CallForProjects call) => $"{EmailTokens.SpaceUrl}/appels/{Uri.EscapeDataString(call.Id)}";

    private static string SpaceSheet(DocumentSummary sheet) => $"{EmailTokens.SpaceUrl}/bibliotheque/{Uri.EscapeDataString(sheet.Id)}";

    private static string SheetOrigin(DocumentSummary sheet) =>
        (sheet.Structure, sheet.Year) switch
        {
            ({ } s, { } y) => $" — {s}, {y.ToString(CultureInfo.InvariantCulture)}",
            ({ } s, null) => $" — {s}",
            (null, { } y) => $" — {y.ToString(CultureInfo.InvariantCulture)}",
            _ => string.Empty,
        };

    /// <summary>"vendredi 9 janvier 2026 à 18:00 (heure de Paris), dans 12 jours".</summary>
    public static string DescribeDeadline(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } end)
        {
            return "pas de date limite (dépôt au fil de l'eau)";
        }
        var paris = ParisTime.ToParis(end);
        var when = paris.ToString("dddd d MMMM yyyy 'à' HH:mm", French) + " (heure de Paris)";
        var left = DaysLeft(end, now) switch
        {
            < 0 => "clôturé",
            0 => "aujourd'hui",
            1 => "demain",
            var days => $"dans {days} jours",
        };
        return $"{when}, {left}";
    }
}
