using System.Globalization;

using AvecSante.Api.Http;
using AvecSante.Api.Members;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>The list's filters, as read from the query string.</summary>
public sealed record StructuresQuery(string? Name, string? Commune, string? Department, string? Kind, MembershipStatus? Status)
{
    public StructureFilter ToFilter() => new(Name, Commune, Department, Kind, Status);
}

/// <summary>What the structure page shows besides the record: its forms' values and errors, and what just happened.</summary>
public sealed record StructureForms(
    StructureInput Edit,
    string? Version,
    IReadOnlyDictionary<string, string[]>? EditErrors = null,
    string? Conflict = null,
    IReadOnlyDictionary<string, string[]>? CotisationErrors = null,
    CotisationInput? Cotisation = null,
    string? Done = null);

/// <summary>
/// The member file in the console: structures with search, a structure's page (status, cotisations, recent changes),
/// editing under the record's ETag, recording a cotisation, and the CSV/XLSX export. Every change goes through
/// MembersService; the audit trail names the signed-in person.
/// </summary>
public sealed class ConsoleMemberFileHandlers(ConsoleGate gate, MembersService members, IMemberAuditTrail audit, MemberFilesHandlers files)
{
    /// <summary>Rows a list shows before asking to narrow the search.</summary>
    public const int MaxRows = 300;

    /// <summary>How far back the structure page reads its changes (the audit trail is kept by month).</summary>
    public const int AuditMonths = 12;

    /// <summary>GET console/adherents: structures, searched by name, commune, department, kind and status.</summary>
    public Task<IResult> ListStructuresAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var query = ReadQuery(request.Query);
            var list = await members.SearchStructuresAsync(query.ToFilter(), cancellationToken).ConfigureAwait(false);
            return WebPage.Render<StructuresPage>(new Dictionary<string, object?>
            {
                [nameof(StructuresPage.Frame)] = console.Frame,
                [nameof(StructuresPage.Query)] = query,
                [nameof(StructuresPage.Structures)] = list,
            });
        }, cancellationToken);

    /// <summary>GET console/adherents/structures/{id}.</summary>
    public Task<IResult> ShowStructureAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var view = StableKeys.IsSafe(id) ? await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (view is null)
            {
                return NotFound(console);
            }
            var fait = request.Query["fait"].ToString();
            var done = fait == "cotisation" ? "Cotisation enregistrée." : MemberForms.EditDone(fait);
            var forms = new StructureForms(MemberForms.StructureFrom(view.Structure), view.Structure.Version, Done: done);
            return await PageAsync(console, view, forms, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>POST console/adherents/structures/{id}: the edit, under the version the form was read with.</summary>
    public Task<IResult> UpdateStructureAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (!StableKeys.IsSafe(id))
            {
                return NotFound(console);
            }
            var input = MemberForms.ReadStructure(form);
            var version = ConsoleForms.EditedVersion(form);
            var change = await members.UpdateStructureAsync(id, input, version, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
            switch (change.Kind)
            {
                case OutcomeKind.NotFound:
                    return NotFound(console);
                case OutcomeKind.Done or OutcomeKind.Unchanged:
                    return WebPage.SeeOther(MemberForms.AfterEdit(StructureHref(id), change.Kind));
            }
            var view = await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return NotFound(console);
            }
            var (status, forms) = change.Kind switch
            {
                OutcomeKind.Stale => (StatusCodes.Status409Conflict,
                    new StructureForms(input, view.Structure.Version, Conflict: await ChangedMeanwhileAsync(id, cancellationToken).ConfigureAwait(false))),
                OutcomeKind.Conflict => (StatusCodes.Status409Conflict,
                    new StructureForms(input, version, new Dictionary<string, string[]> { ["siret"] = [change.Reason ?? "Cette structure existe déjà."] })),
                _ => (StatusCodes.Status422UnprocessableEntity, new StructureForms(input, version, change.Errors?.ToDictionary())),
            };
            return await PageAsync(console, view, forms, status, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>POST console/adherents/structures/{id}/cotisations: records (or corrects) the cotisation of a year.</summary>
    public Task<IResult> RecordCotisationAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            var view = StableKeys.IsSafe(id) ? await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (view is null)
            {
                return NotFound(console);
            }
            var (input, errors) = MemberForms.ReadCotisation(form);
            if (errors.IsEmpty)
            {
                var change = await members.RecordCotisationAsync(id, input, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
                switch (change.Kind)
                {
                    case OutcomeKind.Created or OutcomeKind.Done or OutcomeKind.Unchanged:
                        return WebPage.SeeOther(StructureHref(id) + "?fait=cotisation#cotisations");
                    case OutcomeKind.NotFound:
                        return NotFound(console);
                    case OutcomeKind.Stale:
                        errors.Add("year", "La cotisation de cette année a été modifiée entre-temps : relisez le tableau puis recommencez.");
                        break;
                    default:
                        errors = change.Errors ?? errors;
                        break;
                }
            }
            var forms = new StructureForms(MemberForms.StructureFrom(view.Structure), view.Structure.Version, CotisationErrors: errors.ToDictionary(), Cotisation: input);
            return await PageAsync(console, view, forms, StatusCodes.Status422UnprocessableEntity, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>GET console/adherents/export/{format}: the API's own export (the import's columns), CSV or XLSX.</summary>
    public Task<IResult> ExportAsync(HttpRequest request, string format, CancellationToken cancellationToken) =>
        gate.PageAsync(request, console => format is "csv" or "xlsx"
            ? files.WriteExportAsync(format, members.Today.Year, cancellationToken)
            : Task.FromResult(WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Format inconnu",
                "L'export existe en CSV et en Excel (XLSX).", ConsoleNavigation.Members, "Adhérents")), cancellationToken);

    public static string StructureHref(string id) => ConsoleNavigation.Members + "/structures/" + Uri.EscapeDataString(id);

    private Task<string> ChangedMeanwhileAsync(string id, CancellationToken cancellationToken) => ChangedMeanwhileAsync(audit, id, cancellationToken);

    /// <summary>"modifiée entre-temps par …": who the audit trail says changed the record (structure or person) last, and when.</summary>
    internal static async Task<string> ChangedMeanwhileAsync(IMemberAuditTrail audit, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var last = (await audit.ListAsync(id, AuditMonths, cancellationToken).ConfigureAwait(false)).OrderByDescending(e => e.At).FirstOrDefault();
        var by = last is null ? string.Empty : $" par {MemberForms.Actor(last.Actor)} ({ConsoleFormat.Day(last.At)})";
        return $"Cette fiche a été modifiée entre-temps{by}. Vos saisies sont gardées dans le formulaire : comparez-les aux valeurs enregistrées ci-dessous, puis enregistrez à nouveau.";
    }

    private async Task<IResult> PageAsync(ConsoleRequest console, StructureView view, StructureForms forms, int status, CancellationToken cancellationToken)
    {
        var changes = await audit.ListAsync(view.Structure.Id, AuditMonths, cancellationToken).ConfigureAwait(false);
        return WebPage.Render<StructurePage>(new Dictionary<string, object?>
        {
            [nameof(StructurePage.Frame)] = console.Frame,
            [nameof(StructurePage.View)] = view,
            [nameof(StructurePage.Forms)] = forms,
            [nameof(StructurePage.Changes)] = changes.OrderByDescending(e => e.At).Take(10).ToList(),
            [nameof(StructurePage.ThisYear)] = members.Today.Year,
        }, status);
    }

    private static IResult NotFound(ConsoleRequest console) =>
        WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Structure introuvable", "Cette structure n'existe pas ou plus.", ConsoleNavigation.Members, "Adhérents");

    private static StructuresQuery ReadQuery(IQueryCollection q) => new(
        QueryValues.Text(q, "nom"),
        QueryValues.Text(q, "commune"),
        QueryValues.Text(q, "departement") is { } d && Departments.IsBreton(d) ? d : null,
        QueryValues.Text(q, "type")?.ToUpperInvariant() is { } k && MemberKinds.IsKnown(k) ? k : null,
        MembershipStatusRules.TryParse(QueryValues.Text(q, "statut"), out var status) ? status : null);
}
