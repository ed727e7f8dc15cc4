using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using static AvecSante.Core.Alerts.AlertLayout;

namespace AvecSante.Core.Alerts;

public enum CallChangeKind
{
    DeadlineMoved,
    Cancelled,
    Reopened,
}

/// <summary>What a "call changed" event means for coordinators; other changes (a reworded summary) are not worth an email.</summary>
public sealed record CallChangeMeaning(CallChangeKind Kind, DateTimeOffset? PreviousDeadline)
{
    public static CallChangeMeaning? Of(CallChangedEvent change, CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(call);
        var status = change.Changes.LastOrDefault(c => c.Field == "status");
        var deadline = change.Changes.LastOrDefault(c => c.Field == "deadline");
        DateTimeOffset? previous = deadline?.From is { } from && DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (status is { From: "open", To: "closed" })
        {
            // Closed because the deadline passed is the normal end of a call, not news.
            return call.Deadline is { } end && end <= change.At ? null : new CallChangeMeaning(CallChangeKind.Cancelled, previous);
        }
        if (status is { From: "closed", To: "open" })
        {
            return new CallChangeMeaning(CallChangeKind.Reopened, previous);
        }
        return deadline is not null && call.Status == CallStatus.Open ? new CallChangeMeaning(CallChangeKind.DeadlineMoved, previous) : null;
    }
}

/// <summary>The email that tells a coordinator a call they were alerted of changed.</summary>
public static class CallChangedComposer
{
    public static EmailContent Template(CallForProjects call, CallChangeMeaning meaning, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(meaning);
        call = OutsideText.ForEmail(call);
        var deadline = NewCallAlertComposer.DescribeDeadline(call.Deadline, now);
        var (subject, heading, what) = meaning.Kind switch
        {
            CallChangeKind.DeadlineMoved => (
                $"Date limite modifiée ({call.Funder}) : {call.Title}" + (call.Deadline is { } d ? $" — désormais le {DayMonth(d)}" : string.Empty),
                "La date limite de cet appel a changé",
                (meaning.PreviousDeadline is { } before ? $"Ancienne date limite : {NewCallAlertComposer.DescribeDeadline(before, now)}\n" : string.Empty)
                    + $"Nouvelle date limite : {deadline}"),
            CallChangeKind.Cancelled => (
                $"Appel annulé ou clos ({call.Funder}) : {call.Title}",
                "Cet appel a été annulé ou clos avant sa date limite",
                "Le financeur ne reçoit plus de dossiers pour cet appel. Inutile de poursuivre votre candidature."),
            _ => (
                $"Appel rouvert ({call.Funder}) : {call.Title}",
                "Cet appel est de nouveau ouvert",
                $"Date limite : {deadline}"),
        };
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{heading} : {call.Title} ({call.Funder}).")
            .AppendLine()
            .AppendLine(what)
            .AppendLine(call.Url is null ? "Lien : non communiqué" : $"Lien : {call.Url}")
            .AppendLine(CultureInfo.InvariantCulture, $"Dans l'espace des coordinateurs : {NewCallAlertComposer.SpaceCall(call)}");
        var whatHtml = string.Join("<br>", what.Split('\n').Select(H));
        var link = call.Url is null ? string.Empty : $"<p><a href=\"{H(call.Url.ToString())}\">Lire l&#39;appel « {H(call.Title)} » sur le site du financeur</a></p>";
        var html = Html(subject, $"""
            <h1>{H(heading)}</h1>
            <h2>{H(call.Title)} ({H(call.Funder)})</h2>
            <p>{whatHtml}</p>
            {link}
            <p><a href="{NewCallAlertComposer.SpaceCall(call)}">Voir l&#39;appel dans l&#39;espace des coordinateurs</a></p>
            """, $"Vous recevez ce message car : {EmailTokens.ReasonHtml}.");
        IReadOnlyList<EmailAttachment>? attachments = meaning.Kind != CallChangeKind.Cancelled && call.Deadline is not null ? [DeadlineCalendar.Attachment(call, now)] : null;
        return new EmailContent(string.Empty, string.Empty, subject, Text(body.ToString(), $"Vous recevez ce message car : {EmailTokens.Reason}."), html, attachments);
    }
}

/// <summary>The reminder sent at 08:00 Paris 14, 7 and 2 days (or the person's own offsets) before a deadline.</summary>
public static class ReminderComposer
{
    public static EmailContent Template(CallForProjects call, int daysLeft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        call = OutsideText.ForEmail(call);
        var end = call.Deadline ?? throw new ArgumentException("A reminder needs a deadline.", nameof(call));
        var subject = $"Rappel J-{daysLeft.ToString(CultureInfo.InvariantCulture)} : {call.Title} ({call.Funder}) — date limite le {DayMonth(end)}";
        var deadline = NewCallAlertComposer.DescribeDeadline(end, now);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Plus que {daysLeft} jours pour déposer votre dossier : {call.Title} ({call.Funder}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Date limite : {deadline}")
            .AppendLine(call.Url is null ? "Lien : non communiqué" : $"Lien : {call.Url}")
            .AppendLine(CultureInfo.InvariantCulture, $"Dans l'espace des coordinateurs : {NewCallAlertComposer.SpaceCall(call)}");
        var link = call.Url is null ? string.Empty : $"<p><a href=\"{H(call.Url.ToString())}\">Lire l&#39;appel « {H(call.Title)} » sur le site du financeur</a></p>";
        var html = Html(subject, $"""
            <h1>Plus que {daysLeft} jours : {H(call.Title)}</h1>
            <p>Financeur : <strong>{H(call.Funder)}</strong></p>
            <p>Date limite : <strong>{H(deadline)}</strong></p>
            {link}
            <p><a href="{NewCallAlertComposer.SpaceCall(call)}">Voir l&#39;appel dans l&#39;espace des coordinateurs</a></p>
            """, $"Vous recevez ce rappel car : {EmailTokens.ReasonHtml}.");
        return new EmailContent(string.Empty, string.Empty, subject, Text(body.ToString(), $"Vous recevez ce rappel car : {EmailTokens.Reason}."), html);
    }
}

/// <summary>The Monday digest: the week's new calls and the deadlines of the next three weeks.</summary>
public static class DigestComposer
{
    /// <summary>Lists are cut here so the email stays readable (and under the outbox's 32 K characters per field).</summary>
    public const int MaxPerSection = 25;

    public static EmailContent Template(IReadOnlyList<CallForProjects> newCalls, IReadOnlyList<CallForProjects> upcoming, DateOnly monday, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newCalls);
        ArgumentNullException.ThrowIfNull(upcoming);
        newCalls = newCalls.Select(OutsideText.ForEmail).ToList();
        upcoming = upcoming.Select(OutsideText.ForEmail).ToList();
        var week = monday.ToString("d MMMM yyyy", French);
        var subject = $"Récapitulatif de la semaine du {week} : {newCalls.Count} nouvel(s) appel(s), {upcoming.Count} date(s) limite(s) à venir";
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>Appels à projets : semaine du {H(week)}</h1>");

        text.AppendLine(CultureInfo.InvariantCulture, $"Nouveaux appels de la semaine ({newCalls.Count}) :");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2>Nouveaux appels de la semaine ({newCalls.Count})</h2>");
        Section(newCalls, text, html, now, "Aucun nouvel appel cette semaine pour vos thèmes.");

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Dates limites des trois prochaines semaines ({upcoming.Count}) :");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2>Dates limites des trois prochaines semaines ({upcoming.Count})</h2>");
        Section(upcoming, text, html, now, "Aucune date limite dans les trois prochaines semaines.");

        var reason = "vous avez demandé le récapitulatif hebdomadaire";
        return new EmailContent(string.Empty, string.Empty, subject,
            Text(text.ToString(), $"Vous recevez ce récapitulatif car {reason}."),
            Html(subject, html.ToString(), $"Vous recevez ce récapitulatif car {reason}."));
    }

    private static void Section(IReadOnlyList<CallForProjects> calls, StringBuilder text, StringBuilder html, DateTimeOffset now, string none)
    {
        if (calls.Count == 0)
        {
            text.AppendLine("- " + none);
            html.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(none)}</p>");
            return;
        }
        html.AppendLine("<ul>");
        foreach (var call in calls.Take(MaxPerSection))
        {
            var deadline = NewCallAlertComposer.DescribeDeadline(call.Deadline, now);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {call.Title} ({call.Funder}) — date limite : {deadline} — {NewCallAlertComposer.SpaceCall(call)}");
            var title = $"<a href=\"{NewCallAlertComposer.SpaceCall(call)}\">{H(call.Title)}</a>";
            var source = call.Url is null ? string.Empty : $" (<a href=\"{H(call.Url.ToString())}\">source</a>)";
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{title} ({H(call.Funder)}) — date limite : {H(deadline)}{source}</li>");
        }
        html.AppendLine("</ul>");
        if (calls.Count > MaxPerSection)
        {
            var more = $"… et {calls.Count - MaxPerSection} autre(s) : voir la liste complète dans l'espace des coordinateurs.";
            text.AppendLine(more);
            html.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(more)}</p>");
        }
    }
}

/// <summary>The Adaptive Card posted to the coordinators' Teams channel for a new call (Workflows webhook body).</summary>
public static class TeamsCard
{
    public static string ForNewCall(CallForProjects call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var facts = new JsonArray
        {
            Fact("Financeur", OutsideText.ForMarkdown(call.Funder)),
            Fact("Date limite", NewCallAlertComposer.DescribeDeadline(call.Deadline, now)),
        };
        if (call.Themes.Count > 0)
        {
            facts.Add(Fact("Thèmes", string.Join(", ", call.Themes.Select(Themes.Label))));
        }
        if (call.Departments.Count > 0)
        {
            facts.Add(Fact("Territoire", string.Join(", ", call.Departments.Select(Departments.Label))));
        }
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Nouvel appel à projets", ["weight"] = "Bolder", ["size"] = "Medium" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = OutsideText.ForMarkdown(call.Title), ["wrap"] = true, ["size"] = "Large", ["weight"] = "Bolder" },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (call.Summary is { } summary)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = OutsideText.ForMarkdown(summary.Length > 600 ? summary[..600] + "…" : summary), ["wrap"] = true });
        }
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["lang"] = "fr",
            ["body"] = body,
        };
        if (call.Url is { } url)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Lire l'appel", ["url"] = url.ToString() } };
        }
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
        return message.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
