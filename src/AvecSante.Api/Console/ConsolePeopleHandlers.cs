using AvecSante.Api.Http;
using AvecSante.Api.Members;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>The people list's filters, as read from the query string.</summary>
public sealed record PeopleQuery(string? Name, string? Department, string? Role);

/// <summary>
/// People of the member file in the console: search, a person's page, and GDPR: the export (the API's own, as a page
/// or JSON) and the erasure, which asks for a confirmation first and goes through PersonalDataService.
/// </summary>
public sealed class ConsolePeopleHandlers(ConsoleGate gate, MembersService members, PersonalDataService personalData, PersonalDataHandlers api, IMemberAuditTrail audit)
{
    /// <summary>GET console/adherents/personnes.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var q = request.Query;
            var query = new PeopleQuery(
                QueryValues.Text(q, "nom"),
                QueryValues.Text(q, "departement") is { } d && Departments.IsBreton(d) ? d : null,
                QueryValues.Text(q, "role") is { } r && MemberRoles.IsKnown(r) ? r : null);
            var people = await members.SearchPeopleAsync(new PersonFilter(query.Name, Department: query.Department, Role: query.Role), cancellationToken).ConfigureAwait(false);
            return WebPage.Render<PeoplePage>(new Dictionary<string, object?>
            {
                [nameof(PeoplePage.Frame)] = console.Frame,
                [nameof(PeoplePage.Query)] = query,
                [nameof(PeoplePage.People)] = people,
            });
        }, cancellationToken);

    /// <summary>GET console/adherents/personnes/{id}.</summary>
    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } person)
            {
                return NotFound(console);
            }
            var done = MemberForms.EditDone(request.Query["fait"].ToString());
            var forms = new PersonForms(PersonForm.From(person), person.Version, Done: done);
            return await PersonPageAsync(console, person, erasing: false, error: null, StatusCodes.Status200OK, cancellationToken, forms).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>POST console/adherents/personnes/{id}: the edit through MembersService, under the version the form was read with.</summary>
    public Task<IResult> UpdateAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return NotFound(console);
            }
            var (input, formErrors) = PersonForm.Read(form);
            var version = ConsoleForms.EditedVersion(form);
            var change = formErrors.IsEmpty
                ? await members.UpdatePersonAsync(id, input, version, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false)
                : new Outcome<Person>(OutcomeKind.Invalid, Errors: formErrors);
            switch (change.Kind)
            {
                case OutcomeKind.NotFound:
                    return NotFound(console);
                case OutcomeKind.Done or OutcomeKind.Unchanged:
                    return WebPage.SeeOther(MemberForms.AfterEdit(PersonHref(id), change.Kind));
            }
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return NotFound(console);
            }
            var (status, forms) = change.Kind switch
            {
                OutcomeKind.Stale => (StatusCodes.Status409Conflict,
                    new PersonForms(input, stored.Version, Conflict: await ConsoleMemberFileHandlers.ChangedMeanwhileAsync(audit, id, cancellationToken).ConfigureAwait(false))),
                OutcomeKind.Conflict => (StatusCodes.Status409Conflict,
                    new PersonForms(input, version, new Dictionary<string, string[]> { ["email"] = [change.Reason ?? "Une autre personne a déjà cette adresse e-mail."] })),
                _ => (StatusCodes.Status422UnprocessableEntity, new PersonForms(input, version, change.Errors?.ToDictionary())),
            };
            return await PersonPageAsync(console, stored, erasing: false, error: null, status, cancellationToken, forms).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>GET console/adherents/personnes/{id}/donnees?format=html|json: the right of access, by the API's own export.</summary>
    public Task<IResult> ExportAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, _ => api.ExportPersonAsync(request, id, cancellationToken), cancellationToken);

    /// <summary>GET console/adherents/personnes/{id}/effacement: what erasure does, and the confirmation it needs.</summary>
    public Task<IResult> ConfirmEraseAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console => await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } person
            ? await PersonPageAsync(console, person, erasing: true, error: null, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false)
            : NotFound(console), cancellationToken);

    /// <summary>POST console/adherents/personnes/{id}/effacement: erases the person everywhere once the box is ticked.</summary>
    public Task<IResult> EraseAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (await FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } person)
            {
                return NotFound(console);
            }
            if (form["confirmation"].ToString() != "on")
            {
                return await PersonPageAsync(console, person, erasing: true, "Cochez la case pour confirmer l'effacement.", StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
            }
            var summary = await personalData.EraseAsync(id, CallerIdentity.Of(request), "demande d'effacement (console)", cancellationToken).ConfigureAwait(false);
            if (summary is null)
            {
                return NotFound(console);
            }
            var counts = string.Join(", ", summary.Erased.Where(e => e.Value > 0).Select(e => $"{e.Key} : {e.Value}"));
            return WebPage.Message(console.Frame, StatusCodes.Status200OK, "Personne effacée",
                "Les données de cette personne ont été effacées partout où le back-office les gardait" + (counts.Length > 0 ? $" ({counts})." : ".")
                + " Le journal garde seulement qu'un effacement a eu lieu, et par qui.", ConsoleNavigation.People, "Retour aux personnes");
        }, cancellationToken);

    public static string PersonHref(string id) => ConsoleNavigation.People + "/" + Uri.EscapeDataString(id);

    private async Task<Person?> FindAsync(string id, CancellationToken cancellationToken) =>
        StableKeys.IsSafe(id) ? await members.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) : null;

    private async Task<IResult> PersonPageAsync(ConsoleRequest console, Person person, bool erasing, string? error, int status, CancellationToken cancellationToken, PersonForms? forms = null)
    {
        var structures = new List<MemberStructure>();
        foreach (var structureId in person.StructureIds)
        {
            if (await members.GetStructureAsync(structureId, cancellationToken).ConfigureAwait(false) is { } view)
            {
                structures.Add(view.Structure);
            }
        }
        return WebPage.Render<PersonPage>(new Dictionary<string, object?>
        {
            [nameof(PersonPage.Frame)] = console.Frame,
            [nameof(PersonPage.Person)] = person,
            [nameof(PersonPage.Structures)] = structures,
            [nameof(PersonPage.Erasing)] = erasing,
            [nameof(PersonPage.Error)] = error,
            [nameof(PersonPage.Forms)] = forms ?? new PersonForms(PersonForm.From(person), person.Version),
        }, status);
    }

    private static IResult NotFound(ConsoleRequest console) =>
        WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Personne introuvable", "Cette personne n'existe pas ou plus (peut-être effacée).", ConsoleNavigation.People, "Personnes");
}
