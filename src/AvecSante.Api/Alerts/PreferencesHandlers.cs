using System.Globalization;
using AvecSante.Api.Http;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Alerts;

/// <summary>
/// GET|POST /api/preferences/{token} and POST /api/unsubscribe/{token}: public, reached from the signed links of every
/// alert. The token names the person; nothing else in the request can change whom a page acts for.
/// </summary>
public sealed partial class PreferencesHandlers(SignedLinks links, RevocableLinks revocable, IPeopleDirectory people, ILogger<PreferencesHandlers> logger)
{
    /// <summary>GET /api/preferences/{token}: the form, filled with what the person receives today.</summary>
    public async Task<IResult> ShowAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (person, problem) = await ResolveAsync(token, LinkPurpose.Preferences, cancellationToken).ConfigureAwait(false);
        return problem ?? PreferencesPage.Form(person!, token, links.CreateToken(person!.Id, LinkPurpose.Unsubscribe), notice: null);
    }

    /// <summary>POST /api/preferences/{token} (form): saves, then shows the form again with a confirmation.</summary>
    public async Task<IResult> SaveAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (person, problem) = await ResolveAsync(token, LinkPurpose.Preferences, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        if (!request.HasFormContentType || (await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false)).Form is not { } form)
        {
            return PreferencesPage.NotAForm();
        }
        if (form["action"] == "revoke")
        {
            // The person voids every preferences link sent so far, this one included (a forwarded email).
            await revocable.RevokeAsync(person!.Id, cancellationToken).ConfigureAwait(false);
            LogRevoked(person.Id);
            return PreferencesPage.LinksRevoked();
        }
        // Checkboxes: only known values count; anything else in the form is ignored, never stored.
        var offsets = form["offset"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1)
            .Where(PreferencesPage.OfferedOffsets.Contains).Distinct().OrderDescending().ToList();
        var preferences = person!.Preferences with
        {
            AlertsEnabled = form["alerts"] == "on",
            Channels = form["email"] == "on" ? [AlertKinds.EmailChannel] : [],
            DigestEnabled = form["digest"] == "on",
            RemindersEnabled = form["reminders"] == "on" && offsets.Count > 0,
            ReminderOffsets = offsets.Count > 0 ? offsets : person.Preferences.ReminderOffsets,
            Themes = Known(form["theme"], Themes.IsKnown),
            Departments = Known(form["department"], Departments.IsBreton),
            StructureKinds = Known(form["kind"], k => k is "MSP" or "ESP" or "CDS" or "CPTS"),
        };
        if (!await people.SavePreferencesAsync(person.Id, preferences, cancellationToken).ConfigureAwait(false))
        {
            return PreferencesPage.PersonGone();
        }
        var saved = person with { Preferences = preferences };
        LogSaved(person.Id);
        return PreferencesPage.Form(saved, token, links.CreateToken(person.Id, LinkPurpose.Unsubscribe), "Vos préférences sont enregistrées. Elles s'appliquent dès le prochain envoi.");
    }

    /// <summary>POST /api/unsubscribe/{token}: RFC 8058 one-click (mail clients post "List-Unsubscribe=One-Click"), or the page's button.</summary>
    public async Task<IResult> UnsubscribeAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (person, problem) = await ResolveAsync(token, LinkPurpose.Unsubscribe, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        if (person!.Preferences.AlertsEnabled)
        {
            if (!await people.SavePreferencesAsync(person.Id, person.Preferences with { AlertsEnabled = false }, cancellationToken).ConfigureAwait(false))
            {
                return PreferencesPage.PersonGone();
            }
            LogUnsubscribed(person.Id);
        }
        return PreferencesPage.Unsubscribed();
    }

    private async Task<(Person? Person, IResult? Problem)> ResolveAsync(string token, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        // Preferences links act for the person: revocable. Unsubscribe links only stop alerts: they keep working.
        var check = purpose == LinkPurpose.Preferences
            ? await revocable.VerifyAsync(token, purpose, cancellationToken).ConfigureAwait(false)
            : links.Verify(token, purpose);
        if (!check.IsValid)
        {
            LogRefused(check.Problem);
            return (null, PreferencesPage.LinkProblem(check.Problem));
        }
        var person = await people.GetAsync(check.PersonId!, cancellationToken).ConfigureAwait(false);
        return person is null ? (null, PreferencesPage.PersonGone()) : (person, null);
    }

    private static List<string> Known(IEnumerable<string?> values, Func<string, bool> isKnown) =>
        values.OfType<string>().Where(isKnown).Distinct(StringComparer.Ordinal).ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Preferences of person {PersonId} saved from a signed link")]
    private partial void LogSaved(string personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} unsubscribed from every alert")]
    private partial void LogUnsubscribed(string personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId} revoked their preferences links")]
    private partial void LogRevoked(string personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A preferences link was refused: {Problem}")]
    private partial void LogRefused(LinkProblem problem);
}
