using System.Globalization;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

public sealed record StructureFilter(string? Name = null, string? Commune = null, string? Department = null, string? Kind = null, MembershipStatus? Status = null);

public sealed record PersonFilter(string? Name = null, string? Commune = null, string? Department = null, string? Kind = null, MembershipStatus? Status = null, string? Role = null);

/// <summary>A structure with its cotisations and the status they give it today.</summary>
public sealed record StructureView(MemberStructure Structure, MembershipStatus Status, IReadOnlyList<Cotisation> Cotisations);

/// <summary>Create, read, update and search the member file; every change is written to the audit trail.</summary>
public sealed class MembersService(
    IStructureRepository structures,
    ICotisationRepository cotisations,
    IPeopleRegister people,
    IMemberAuditTrail audit,
    TimeProvider clock,
    int graceMonths = MembershipStatusRules.DefaultGraceMonths)
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public int GraceMonths => graceMonths;

    public DateOnly Today => ParisTime.Today(clock);

    // ---- structures ----

    public async Task<IReadOnlyList<StructureView>> SearchStructuresAsync(StructureFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await structures.ListAsync(cancellationToken).ConfigureAwait(false);
        var fees = (await cotisations.ListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(c => c.StructureId, StringComparer.Ordinal);
        var today = Today;
        return all
            .Select(s => new StructureView(s, MembershipStatusRules.Compute(s, fees[s.Id], today, graceMonths), fees[s.Id].OrderBy(c => c.Year).ToList()))
            .Where(v => Contains(v.Structure.Name, filter.Name)
                && Contains(v.Structure.Commune, filter.Commune)
                && (filter.Department is null || v.Structure.Department == filter.Department)
                && (filter.Kind is null || string.Equals(v.Structure.Kind, filter.Kind, StringComparison.OrdinalIgnoreCase))
                && (filter.Status is null || v.Status == filter.Status))
            .OrderBy(v => v.Structure.Name, FrenchOrder)
            .ToList();
    }

    /// <summary>
    /// The structures in their grace period, by name (the console's « cotisations à relancer »). Grace depends on the
    /// last paid year only, so only the years whose grace can still run today are read, not every year's cotisations.
    /// </summary>
    public async Task<IReadOnlyList<MemberStructure>> ListInGraceAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        // A year whose grace ends after today is at least the year graceMonths ago; one more year keeps month ends safe.
        var recent = cotisations.ListFromYearAsync(today.AddMonths(-graceMonths).Year - 1, cancellationToken);
        var all = structures.ListAsync(cancellationToken);
        var fees = (await recent.ConfigureAwait(false)).ToLookup(c => c.StructureId, StringComparer.Ordinal);
        return (await all.ConfigureAwait(false))
            .Where(s => fees.Contains(s.Id) && MembershipStatusRules.Compute(s, fees[s.Id], today, graceMonths) == MembershipStatus.Grace)
            .OrderBy(s => s.Name, FrenchOrder)
            .ToList();
    }

    public async Task<StructureView?> GetStructureAsync(string id, CancellationToken cancellationToken)
    {
        var structure = await structures.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (structure is null)
        {
            return null;
        }
        var fees = await cotisations.ListForStructureAsync(id, cancellationToken).ConfigureAwait(false);
        return new StructureView(structure, MembershipStatusRules.Compute(structure, fees, Today, graceMonths), fees.OrderBy(c => c.Year).ToList());
    }

    public async Task<Outcome<MemberStructure>> CreateStructureAsync(StructureInput input, string actor, CancellationToken cancellationToken)
    {
        var (structure, errors) = FromInput(MemberRecordRules.NewStructureId(), input);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var now = clock.GetUtcNow();
        structure = structure with { CreatedAt = now, UpdatedAt = now };
        if (await FindDuplicateAsync(structure, cancellationToken).ConfigureAwait(false) is { } duplicate)
        {
            return DuplicateStructure(duplicate, "Une structure avec ce SIRET ou ce FINESS existe déjà.");
        }
        await structures.TryAddAsync(structure, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEntry(now, actor, "created", "structure", structure.Id, MemberChanges.Fields(null, structure)), cancellationToken).ConfigureAwait(false);
        return new(OutcomeKind.Created, await structures.GetAsync(structure.Id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Outcome<MemberStructure>> UpdateStructureAsync(string id, StructureInput input, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var existing = await structures.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return new(OutcomeKind.NotFound);
        }
        if (ifMatch is not null && ifMatch != "*" && !string.Equals(ifMatch, existing.Version, StringComparison.Ordinal))
        {
            return new(OutcomeKind.Stale, existing);
        }
        var (structure, errors) = FromInput(id, input);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var fields = MemberChanges.Fields(existing, structure);
        if (fields.Count == 0)
        {
            return new(OutcomeKind.Unchanged, existing);
        }
        if (await FindDuplicateAsync(structure, cancellationToken).ConfigureAwait(false) is { } duplicate && duplicate.Id != id)
        {
            return DuplicateStructure(duplicate, "Une autre structure a déjà ce SIRET ou ce FINESS.");
        }
        var now = clock.GetUtcNow();
        var updated = await structures.TryUpdateAsync(structure with { CreatedAt = existing.CreatedAt, UpdatedAt = now, Version = existing.Version }, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return new(OutcomeKind.Stale, existing);
        }
        await audit.RecordAsync(new AuditEntry(now, actor, "updated", "structure", id, fields), cancellationToken).ConfigureAwait(false);
        await RefreshPeopleOfAsync(updated, cancellationToken).ConfigureAwait(false);
        return new(OutcomeKind.Done, updated);
    }

    public async Task<Outcome<Cotisation>> RecordCotisationAsync(string structureId, CotisationInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await structures.GetAsync(structureId, cancellationToken).ConfigureAwait(false) is null)
        {
            return new(OutcomeKind.NotFound);
        }
        var errors = new ValidationErrors();
        if (input.Year is null)
        {
            errors.Add("year", "L'année de cotisation est obligatoire.");
        }
        if (input.Amount is null)
        {
            errors.Add("amount", "Le montant est obligatoire.");
        }
        if (!MemberValidation.TryIsoDate(input.PaidOn, out var paidOn))
        {
            errors.Add("paidOn", "La date de paiement doit être au format AAAA-MM-JJ.");
        }
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var now = clock.GetUtcNow();
        var cotisation = new Cotisation
        {
            StructureId = structureId,
            Year = input.Year!.Value,
            Amount = input.Amount!.Value,
            PaidOn = paidOn,
            Method = MemberValidation.Clean(input.Method)?.ToLowerInvariant(),
            NationalShare = input.NationalShare,
            RecordedAt = now,
        };
        errors = MemberValidation.Check(cotisation, Today.Year);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var existing = (await cotisations.ListForStructureAsync(structureId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Year == cotisation.Year);
        var fields = MemberChanges.Fields(existing, cotisation);
        if (existing is not null && fields.Count == 0)
        {
            return new(OutcomeKind.Unchanged, existing);
        }
        if (!await cotisations.TrySaveAsync(cotisation with { Version = existing?.Version }, cancellationToken).ConfigureAwait(false))
        {
            return new(OutcomeKind.Stale, existing);
        }
        await audit.RecordAsync(new AuditEntry(now, actor, existing is null ? "created" : "updated", "cotisation", $"{structureId}~{cotisation.Year}", fields), cancellationToken).ConfigureAwait(false);
        return new(existing is null ? OutcomeKind.Created : OutcomeKind.Done, cotisation);
    }

    // ---- people ----

    public async Task<IReadOnlyList<Person>> SearchPeopleAsync(PersonFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var everyone = await people.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var structureFilterUsed = filter.Commune is not null || filter.Kind is not null || filter.Status is not null;
        var views = structureFilterUsed || filter.Department is not null
            ? (await SearchStructuresAsync(new StructureFilter(null, filter.Commune, filter.Department, filter.Kind, filter.Status), cancellationToken).ConfigureAwait(false))
                .Select(v => v.Structure.Id).ToHashSet(StringComparer.Ordinal)
            : null;
        return everyone
            .Where(p => (filter.Name is null || Contains(p.FirstName + " " + p.LastName, filter.Name))
                && (filter.Role is null || p.Roles.Contains(filter.Role, StringComparer.OrdinalIgnoreCase))
                && (views is null || p.StructureIds.Any(views.Contains)
                    || (!structureFilterUsed && p.StructureIds.Count == 0 && p.Department == filter.Department)))
            .OrderBy(p => p.LastName, FrenchOrder)
            .ThenBy(p => p.FirstName, FrenchOrder)
            .ToList();
    }

    public Task<Person?> GetPersonAsync(string id, CancellationToken cancellationToken) => people.GetAsync(id, cancellationToken);

    public async Task<Outcome<Person>> CreatePersonAsync(PersonInput input, string actor, CancellationToken cancellationToken)
    {
        var (person, errors) = await FromInputAsync(MemberRecordRules.NewPersonId(), input, null, cancellationToken).ConfigureAwait(false);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var everyone = await people.ListAllAsync(cancellationToken).ConfigureAwait(false);
        if (MemberRecordRules.FindByEmail(everyone, person.Email) is { } duplicate)
        {
            return DuplicatePerson(duplicate, "Une personne avec cette adresse e-mail existe déjà.");
        }
        var now = clock.GetUtcNow();
        person = person with { CreatedAt = now, UpdatedAt = now };
        if (!await people.TryAddAsync(person, cancellationToken).ConfigureAwait(false))
        {
            // Someone took the address between the check above and this write: the register's claim refused it.
            var winner = MemberRecordRules.FindByEmail(await people.ListAllAsync(cancellationToken).ConfigureAwait(false), person.Email);
            return DuplicatePerson(winner, "Une personne avec cette adresse e-mail existe déjà.");
        }
        await audit.RecordAsync(new AuditEntry(now, actor, "created", "person", person.Id, MemberChanges.Fields(null, person)), cancellationToken).ConfigureAwait(false);
        return new(OutcomeKind.Created, await people.GetAsync(person.Id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Outcome<Person>> UpdatePersonAsync(string id, PersonInput input, string? ifMatch, string actor, CancellationToken cancellationToken)
    {
        var existing = await people.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return new(OutcomeKind.NotFound);
        }
        if (ifMatch is not null && ifMatch != "*" && !string.Equals(ifMatch, existing.Version, StringComparison.Ordinal))
        {
            return new(OutcomeKind.Stale, existing);
        }
        var (person, errors) = await FromInputAsync(id, input, existing, cancellationToken).ConfigureAwait(false);
        if (!errors.IsEmpty)
        {
            return new(OutcomeKind.Invalid, Errors: errors);
        }
        var fields = MemberChanges.Fields(existing, person);
        if (fields.Count == 0)
        {
            return new(OutcomeKind.Unchanged, existing);
        }
        var everyone = await people.ListAllAsync(cancellationToken).ConfigureAwait(false);
        if (MemberRecordRules.FindByEmail(everyone.Where(p => p.Id != id), person.Email) is { } duplicate)
        {
            return DuplicatePerson(duplicate, "Une autre personne a déjà cette adresse e-mail.");
        }
        var now = clock.GetUtcNow();
        var updated = await people.TryUpdateAsync(person with { CreatedAt = existing.CreatedAt, UpdatedAt = now, Version = existing.Version }, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return new(OutcomeKind.Stale, existing);
        }
        await audit.RecordAsync(new AuditEntry(now, actor, "updated", "person", id, fields), cancellationToken).ConfigureAwait(false);
        return new(OutcomeKind.Done, updated);
    }

    private async Task RefreshPeopleOfAsync(MemberStructure structure, CancellationToken cancellationToken)
    {
        // Keeps the derived matching fields of the structure's people in step with its name, kind and department.
        var map = new Dictionary<string, MemberStructure>(StringComparer.Ordinal) { [structure.Id] = structure };
        foreach (var person in (await people.ListAllAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.StructureIds.Count > 0 && p.StructureIds[0] == structure.Id))
        {
            var derived = MemberRecordRules.Derive(person, map);
            if (derived != person)
            {
                await people.TryUpdateAsync(derived, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MemberStructure?> FindDuplicateAsync(MemberStructure structure, CancellationToken cancellationToken)
    {
        if (structure.Siret is null && structure.Finess is null)
        {
            return null;
        }
        return (await structures.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s =>
            (structure.Siret is not null && s.Siret == structure.Siret) || (structure.Finess is not null && s.Finess == structure.Finess));
    }

    private static (MemberStructure Structure, ValidationErrors Errors) FromInput(string id, StructureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (!MemberValidation.TryIsoDate(input.JoinedOn, out var joined))
        {
            errors.Add("joinedOn", "La date d'adhésion doit être au format AAAA-MM-JJ.");
        }
        if (!MemberValidation.TryIsoDate(input.LeftOn, out var left))
        {
            errors.Add("leftOn", "La date de sortie doit être au format AAAA-MM-JJ.");
        }
        var structure = new MemberStructure
        {
            Id = id,
            Kind = MemberValidation.Clean(input.Kind)?.ToUpperInvariant() ?? string.Empty,
            Name = MemberValidation.Clean(input.Name) ?? string.Empty,
            Department = MemberValidation.Clean(input.Department) ?? string.Empty,
            Commune = MemberValidation.Clean(input.Commune),
            Siret = MemberValidation.Clean(input.Siret) is { } siret ? FrenchIdentifiers.Compact(siret) : null,
            Finess = MemberValidation.Clean(input.Finess) is { } finess ? FrenchIdentifiers.Compact(finess).ToUpperInvariant() : null,
            AciSignatory = input.AciSignatory ?? false,
            Sisa = input.Sisa ?? false,
            JoinedOn = joined,
            LeftOn = left,
        };
        foreach (var (field, messages) in MemberValidation.Check(structure).ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return (structure, errors);
    }

    private async Task<(Person Person, ValidationErrors Errors)> FromInputAsync(string id, PersonInput input, Person? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (!MemberValidation.TryIsoDate(input.LastContactOn, out var lastContact))
        {
            errors.Add("lastContactOn", "La date du dernier contact doit être au format AAAA-MM-JJ.");
        }
        var structureIds = (input.StructureIds ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = (await structures.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (structureIds.FirstOrDefault(s => !known.ContainsKey(s)) is { } unknown)
        {
            errors.Add("structureIds", $"Structure inconnue : {unknown}.");
        }
        var person = new Person
        {
            Id = id,
            FirstName = MemberValidation.Clean(input.FirstName) ?? string.Empty,
            LastName = MemberValidation.Clean(input.LastName) ?? string.Empty,
            Email = MemberValidation.Clean(input.Email)?.ToLowerInvariant() ?? string.Empty,
            OtherEmails = (input.OtherEmails ?? []).Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Phone = MemberValidation.Clean(input.Phone),
            Profession = MemberValidation.Clean(input.Profession),
            Roles = (input.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            BoardCollege = input.BoardCollege,
            StructureIds = structureIds,
            LastContactOn = lastContact,
            Preferences = input.Preferences ?? existing?.Preferences ?? MemberRecordRules.DefaultPreferences(input.Roles ?? []),
            StructureName = existing?.StructureName,
            StructureKind = existing?.StructureKind,
            Department = existing?.Department,
        };
        foreach (var (field, messages) in MemberValidation.Check(person).ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return (MemberRecordRules.Derive(person, known), errors);
    }

    private static Outcome<MemberStructure> DuplicateStructure(MemberStructure holder, string reason) =>
        new(OutcomeKind.Conflict, holder, Reason: reason, Detail: $"Structure existante : {holder.Id}.") { ConflictWith = holder.Id };

    /// <param name="holder">Who has the address; null when they could not be read back.</param>
    private static Outcome<Person> DuplicatePerson(Person? holder, string reason) =>
        new(OutcomeKind.Conflict, holder, Reason: reason, Detail: holder is null ? null : $"Personne existante : {holder.Id}.") { ConflictWith = holder?.Id };

    /// <summary>Accent- and case-insensitive "contains", as staff type names ("brehat" finds "Bréhat").</summary>
    private static bool Contains(string? text, string? part) =>
        part is null || (text is not null && CultureInfo.GetCultureInfo("fr-FR").CompareInfo.IndexOf(text, part, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
}
