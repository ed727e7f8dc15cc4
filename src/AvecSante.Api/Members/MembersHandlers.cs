using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Members;

/// <summary>The member file over HTTP: structures, their cotisations, people, and the audit trail.</summary>
public sealed class MembersHandlers(MembersService members, IMemberAuditTrail audit)
{
    /// <summary>GET /api/members/structures?name=&amp;commune=&amp;department=&amp;kind=&amp;status=.</summary>
    public async Task<IResult> ListStructuresAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, problem) = ReadCommonFilters(request.Query);
        if (problem is not null)
        {
            return problem;
        }
        var list = await members.SearchStructuresAsync(filter!, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(StructureResponse.From).ToList());
    }

    /// <summary>POST /api/members/structures: 201, or 422 naming the fields, or 409 when the SIRET/FINESS is known.</summary>
    public async Task<IResult> CreateStructureAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<StructureInput>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var change = await members.CreateStructureAsync(input!, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(change, "Élément") is { } refused)
        {
            return refused;
        }
        var view = await members.GetStructureAsync(change.Value!.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/members/structures/{change.Value.Id}", StructureResponse.From(view!));
    }

    /// <summary>GET /api/members/structures/{id}: the structure, its status and cotisations; ETag header for PUT's If-Match.</summary>
    public async Task<IResult> GetStructureAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = StableKeys.IsSafe(id) ? await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (view is null)
        {
            return Problems.NotFound("Structure");
        }
        SetETag(request, view.Structure.Version);
        return TypedResults.Ok(StructureResponse.From(view));
    }

    /// <summary>PUT /api/members/structures/{id}: replaces the record (If-Match honoured: 412 when it changed meanwhile).</summary>
    public async Task<IResult> UpdateStructureAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Structure");
        }
        var (input, problem) = await JsonBody.ReadAsync<StructureInput>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var change = await members.UpdateStructureAsync(id, input!, IfMatch(request), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(change, "Structure") is { } refused)
        {
            return refused;
        }
        var view = await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false);
        SetETag(request, view!.Structure.Version);
        return TypedResults.Ok(StructureResponse.From(view));
    }

    /// <summary>POST /api/members/structures/{id}/cotisations: records (or corrects) the cotisation of a year.</summary>
    public async Task<IResult> RecordCotisationAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Structure");
        }
        var (input, problem) = await JsonBody.ReadAsync<CotisationInput>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var change = await members.RecordCotisationAsync(id, input!, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(change, "Structure") is { } refused)
        {
            return refused;
        }
        var view = await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false);
        return change.Kind == OutcomeKind.Created
            ? TypedResults.Created($"/api/members/structures/{id}", StructureResponse.From(view!))
            : TypedResults.Ok(StructureResponse.From(view!));
    }

    /// <summary>GET /api/members/people?name=&amp;commune=&amp;department=&amp;kind=&amp;status=&amp;role=.</summary>
    public async Task<IResult> ListPeopleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (common, problem) = ReadCommonFilters(request.Query);
        if (problem is not null)
        {
            return problem;
        }
        var role = QueryValues.Text(request.Query, "role")?.ToLowerInvariant();
        if (role is not null && !MemberRoles.IsKnown(role))
        {
            return Problems.BadQuery("role", "valeurs possibles : coordinator, leader, board, staff.");
        }
        var filter = new PersonFilter(common!.Name, common.Commune, common.Department, common.Kind, common.Status, role);
        var list = await members.SearchPeopleAsync(filter, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(PersonResponse.From).ToList());
    }

    /// <summary>POST /api/members/people: 201, 422 naming the fields, or 409 when the address is known.</summary>
    public async Task<IResult> CreatePersonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<PersonInput>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var change = await members.CreatePersonAsync(input!, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(change, "Élément") is { } refused)
        {
            return refused;
        }
        return TypedResults.Created($"/api/members/people/{change.Value!.Id}", PersonResponse.From(change.Value));
    }

    /// <summary>GET /api/members/people/{id}.</summary>
    public async Task<IResult> GetPersonAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = StableKeys.IsSafe(id) ? await members.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (person is null)
        {
            return Problems.NotFound("Personne");
        }
        SetETag(request, person.Version);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    /// <summary>PUT /api/members/people/{id} (If-Match honoured).</summary>
    public async Task<IResult> UpdatePersonAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StableKeys.IsSafe(id))
        {
            return Problems.NotFound("Personne");
        }
        var (input, problem) = await JsonBody.ReadAsync<PersonInput>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var change = await members.UpdatePersonAsync(id, input!, IfMatch(request), CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        if (Problems.Refusal(change, "Personne") is { } refused)
        {
            return refused;
        }
        SetETag(request, change.Value!.Version);
        return TypedResults.Ok(PersonResponse.From(change.Value));
    }

    /// <summary>GET /api/members/audit?entity=&amp;months=: who changed what and when (field names, never values).</summary>
    public async Task<IResult> ListAuditAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = QueryValues.Text(request.Query, "entity");
        if (entity is not null && !StableKeys.IsSafe(entity))
        {
            return Problems.BadQuery("entity", "identifiant invalide.");
        }
        var months = 3;
        if (QueryValues.Text(request.Query, "months") is { } m && (!int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out months) || months is < 1 or > 60))
        {
            return Problems.BadQuery("months", "un nombre de mois entre 1 et 60.");
        }
        var entries = await audit.ListAsync(entity, months, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.OrderByDescending(e => e.At).ToList());
    }

    private static (StructureFilter? Filter, IResult? Problem) ReadCommonFilters(IQueryCollection q)
    {
        var department = QueryValues.Text(q, "department");
        if (department is not null && !Departments.IsBreton(department))
        {
            return (null, Problems.BadQuery("department", "valeurs possibles : 22, 29, 35, 56."));
        }
        var kind = QueryValues.Text(q, "kind")?.ToUpperInvariant();
        if (kind is not null && !MemberKinds.IsKnown(kind))
        {
            return (null, Problems.BadQuery("kind", "valeurs possibles : MSP, ESP, CPTS, CDS, AUTRE."));
        }
        MembershipStatus? status = null;
        if (QueryValues.Text(q, "status") is { } s)
        {
            if (!MembershipStatusRules.TryParse(s, out var parsed))
            {
                return (null, Problems.BadQuery("status", "valeurs possibles : none, new, current, grace, lapsed."));
            }
            status = parsed;
        }
        return (new StructureFilter(QueryValues.Text(q, "name"), QueryValues.Text(q, "commune"), department, kind, status), null);
    }

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.ToString() is { Length: > 0 } v ? v.Trim() : null;

    private static void SetETag(HttpRequest request, string? version)
    {
        if (version is not null)
        {
            request.HttpContext.Response.Headers.ETag = version;
        }
    }
}
