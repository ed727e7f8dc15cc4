using AvecSante.Api.Http;
using AvecSante.Api.Ticketing;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// Events in the console: the list and the creation form (EventCreation, as POST /api/events), an event's registrations
/// with totals, waitlist and revenue (RegistrationTotals), the CSV download and the attendance import (AttendanceImporter).
/// </summary>
public sealed class ConsoleEventsHandlers(ConsoleGate gate, IEventRepository events, ITicketStore tickets, EventCreation creation, AttendanceImporter attendance, IMemberAuditTrail audit, TimeProvider clock)
{
    /// <summary>GET console/evenements.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console => await ListPageAsync(console, EventForm.Empty, null, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>POST console/evenements: create, then the event's page (post/redirect/get); errors show the form again.</summary>
    public Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var typed = EventForm.From(form);
            var (submission, unreadable) = typed.ToSubmission();
            if (unreadable is not null)
            {
                return await ListPageAsync(console, typed, unreadable.ToDictionary(), StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
            }
            var result = await creation.CreateAsync(submission!, CallerIdentity.Of(console.Http), cancellationToken).ConfigureAwait(false);
            if (result.Errors is not null)
            {
                return await ListPageAsync(console, typed, result.Errors.ToDictionary(), StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
            }
            if (result.SlugTakenBy is { } other)
            {
                var errors = new Dictionary<string, string[]> { ["formSlugs"] = [$"Un de ces formulaires de billetterie est déjà rattaché à un autre événement ({other})."] };
                return await ListPageAsync(console, typed, errors, StatusCodes.Status409Conflict, cancellationToken).ConfigureAwait(false);
            }
            return WebPage.SeeOther($"{ConsoleNavigation.Events}/{result.Event!.Id}?{(result.Created ? "cree" : "existait")}=1");
        }, cancellationToken);

    /// <summary>GET console/evenements/{id}: totals, waitlist, registrations, the attendance import.</summary>
    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } value)
            {
                return NotFound(console);
            }
            var notice = request.Query.ContainsKey("cree") ? "Événement créé."
                : request.Query.ContainsKey("existait") ? "Cet événement existait déjà : rien n'a été changé." : null;
            return await EventPageAsync(console, value, null, null, notice, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>GET console/evenements/{id}/inscriptions.csv: the same file as the API's format=csv.</summary>
    public Task<IResult> DownloadAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } value)
            {
                return NotFound(console);
            }
            return RegistrationsCsv.File(value, await tickets.ListAsync(value.Id, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    /// <summary>POST console/evenements/{id}/presences: the filled-in registrations file → the line-by-line report.</summary>
    public Task<IResult> ImportAttendanceAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } value)
            {
                return NotFound(console);
            }
            string? error = form.Files.GetFile("fichier") switch
            {
                not { Length: > 0 } => "Choisissez le fichier des inscriptions avec la colonne « présence » remplie.",
                { Length: > EventsHandlers.AttendanceMaxBytes } => $"Le fichier dépasse {EventsHandlers.AttendanceMaxBytes / 1024 / 1024} Mo.",
                _ => null,
            };
            if (error is not null)
            {
                return await EventPageAsync(console, value, null, error, null, StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
            }
            using var buffer = new MemoryStream();
            await form.Files.GetFile("fichier")!.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            try
            {
                var report = await attendance.ImportAsync(value, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
                await audit.RecordAsync(new AuditEntry(clock.GetUtcNow(), CallerIdentity.Of(console.Http), "imported", "attendance", value.Id, ["Attended"], report.Archive), cancellationToken).ConfigureAwait(false);
                return await EventPageAsync(console, value, report, null, null, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
            }
            catch (AttendanceFileException ex)
            {
                return await EventPageAsync(console, value, null, "Le fichier des présences ne peut pas être importé : " + ex.Message, null, StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    private async Task<Event?> FindAsync(string id, CancellationToken cancellationToken) =>
        StableKeys.IsSafe(id) ? await events.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    private static IResult NotFound(ConsoleRequest console) =>
        WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Événement introuvable", "Cet événement n'existe pas ou plus.", ConsoleNavigation.Events, "Tous les événements");

    private async Task<IResult> ListPageAsync(ConsoleRequest console, EventForm form, IReadOnlyDictionary<string, string[]>? errors, int status, CancellationToken cancellationToken)
    {
        var list = await events.ListAsync(cancellationToken).ConfigureAwait(false);
        return WebPage.Render<EventsPage>(new Dictionary<string, object?>
        {
            [nameof(EventsPage.Frame)] = console.Frame,
            [nameof(EventsPage.Events)] = list.OrderByDescending(e => e.StartsAt).ToList(),
            [nameof(EventsPage.Form)] = form,
            [nameof(EventsPage.Errors)] = errors,
            [nameof(EventsPage.Now)] = clock.GetUtcNow(),
        }, status);
    }

    private async Task<IResult> EventPageAsync(ConsoleRequest console, Event value, AttendanceReport? report, string? error, string? notice, int status, CancellationToken cancellationToken)
    {
        var list = await tickets.ListAsync(value.Id, cancellationToken).ConfigureAwait(false);
        return WebPage.Render<EventPage>(new Dictionary<string, object?>
        {
            [nameof(EventPage.Frame)] = console.Frame,
            [nameof(EventPage.Event)] = value,
            [nameof(EventPage.Tickets)] = list,
            [nameof(EventPage.Totals)] = RegistrationTotals.Of(value, list),
            [nameof(EventPage.Report)] = report,
            [nameof(EventPage.Error)] = error,
            [nameof(EventPage.Notice)] = notice,
        }, status);
    }
}
