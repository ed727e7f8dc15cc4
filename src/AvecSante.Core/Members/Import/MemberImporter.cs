using System.Globalization;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Members.Import;

public static class ImportLineStatus
{
    public const string Accepted = "accepted";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Rejected = "rejected";
}

/// <summary>What happened to one line. The reason is French and names the column, never the personal value.</summary>
public sealed record ImportLine(int Line, string Status, string? Reason = null, string? PersonId = null, string? StructureId = null, IReadOnlyList<string>? Changed = null);

public sealed record ImportReport(
    string Archive,
    string Sha256,
    bool DryRun,
    IReadOnlyList<string> IgnoredColumns,
    int Windows1252Lines,
    IReadOnlyList<ImportLine> Lines)
{
    public int Accepted => Lines.Count(l => l.Status == ImportLineStatus.Accepted);

    public int Updated => Lines.Count(l => l.Status == ImportLineStatus.Updated);

    public int Unchanged => Lines.Count(l => l.Status == ImportLineStatus.Unchanged);

    public int Rejected => Lines.Count(l => l.Status == ImportLineStatus.Rejected);
}

/// <summary>Why a whole file is refused (no header, wrong separator, missing columns).</summary>
public sealed class ImportFileException(string message) : Exception(message)
{
    public ImportFileException()
        : this("Fichier refusé.")
    {
    }

    public ImportFileException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

/// <summary>
/// Imports the member file from a CRM's CSV: the raw file is archived first, then every line is checked and merged
/// into what is stored (a cell left empty keeps the stored value), so importing the same file again changes nothing.
/// A dry run does all of it but the writes.
/// </summary>
public sealed class MemberImporter(
    IStructureRepository structures,
    ICotisationRepository cotisations,
    IPeopleRegister people,
    IMemberAuditTrail audit,
    IImportArchive archive,
    TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(ReadOnlyMemory<byte> content, string? fileName, bool dryRun, string actor, CancellationToken cancellationToken)
    {
        var (archiveName, sha256) = await archive.ArchiveAsync(content, fileName, cancellationToken).ConfigureAwait(false);
        var records = CsvText.Read(content.Span);
        if (records.Count == 0)
        {
            throw new ImportFileException("Le fichier est vide : la première ligne doit nommer les colonnes.");
        }
        var header = records[0];
        if (header.Fields.Count == 1 && header.Fields[0].Contains(',', StringComparison.Ordinal))
        {
            throw new ImportFileException("Les colonnes doivent être séparées par des points-virgules (;), comme Excel les enregistre en français.");
        }
        var (map, ignored, duplicated) = ImportColumns.Map(header.Fields);
        if (duplicated.Count > 0)
        {
            throw new ImportFileException("Colonnes en double : " + string.Join(", ", duplicated) + ".");
        }
        if (!map.ContainsKey(ImportColumns.Email) && !map.ContainsKey(ImportColumns.Structure))
        {
            throw new ImportFileException("Aucune colonne « E-mail » ni « Structure » : voir docs/members-import.md pour les noms de colonnes reconnus.");
        }

        var state = new ImportState(
            await structures.ListAsync(cancellationToken).ConfigureAwait(false),
            await people.ListAllAsync(cancellationToken).ConfigureAwait(false),
            await cotisations.ListAsync(cancellationToken).ConfigureAwait(false));
        var now = clock.GetUtcNow();
        var thisYear = ParisTime.Today(clock).Year;
        var lines = new List<ImportLine>();
        foreach (var record in records.Skip(1))
        {
            lines.Add(ImportLineOf(new Row(record, map), state, now, thisYear));
        }

        var report = new ImportReport(archiveName, sha256, dryRun, ignored, records.Skip(1).Count(r => r.Windows1252), lines);
        if (!dryRun)
        {
            await SaveAsync(state, report, actor, now, cancellationToken).ConfigureAwait(false);
        }
        return report;
    }

    private async Task SaveAsync(ImportState state, ImportReport report, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changedStructures = state.Structures.Values.Where(s => state.Touched.Contains("s:" + s.Id)).ToList();
        var changedPeople = state.People.Values.Where(p => state.Touched.Contains("p:" + p.Id)).ToList();
        var changedCotisations = state.Cotisations.Values.Where(c => state.Touched.Contains($"c:{c.StructureId}~{c.Year}")).ToList();
        await structures.SaveAllAsync(changedStructures, cancellationToken).ConfigureAwait(false);
        await people.SaveAllAsync(changedPeople, cancellationToken).ConfigureAwait(false);
        await cotisations.SaveAllAsync(changedCotisations, cancellationToken).ConfigureAwait(false);

        var entries = state.Audit.Select(a => a with { Actor = actor, At = now }).ToList();
        entries.Add(new AuditEntry(now, actor, "imported", "import", report.Sha256[..16], [],
            $"{report.Accepted} acceptée(s), {report.Updated} mise(s) à jour, {report.Unchanged} inchangée(s), {report.Rejected} rejetée(s)"));
        await audit.RecordAllAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    private static ImportLine ImportLineOf(Row row, ImportState state, DateTimeOffset now, int thisYear)
    {
        var parsed = RowParser.Parse(row, thisYear);
        if (parsed.Error is { } error)
        {
            return new ImportLine(row.Line, ImportLineStatus.Rejected, error);
        }

        // Everything is checked first and staged last, so a refused line leaves nothing behind.
        string? rejection = null;
        var structure = parsed.Structure is { } s ? CheckStructure(s, state, now, out rejection) : null;
        var person = rejection is null && parsed.Person is { } p ? CheckPerson(p, structure, state, now, out rejection) : null;
        var cotisation = rejection is null && parsed.Cotisation is { } c ? CheckCotisation(c, structure!.Value, state, now, thisYear, out rejection) : null;
        return rejection is null
            ? Stage(row, state, structure, person, cotisation)
            : new ImportLine(row.Line, ImportLineStatus.Rejected, rejection);
    }

    /// <summary>The structure as the line leaves it: matched by SIRET, then FINESS, then name and department.</summary>
    private static StructureStep? CheckStructure(ParsedStructure s, ImportState state, DateTimeOffset now, out string? rejection)
    {
        rejection = null;
        var key = s.Siret ?? s.Finess ?? "n:" + ImportColumns.FoldedKey(s.Name!) + "|" + s.Department;
        if (state.StructureLines.TryGetValue(key, out var earlier) && earlier.Values != s)
        {
            rejection = $"Structure décrite différemment à la ligne {earlier.Line}.";
            return null;
        }
        var before = state.FindStructure(s);
        var structure = Merge(before, s);
        if (structure is null)
        {
            rejection = "Nouvelle structure sans type ou sans département : les colonnes « Type » et « Département » sont obligatoires.";
            return null;
        }
        rejection = FirstError(MemberValidation.Check(structure));
        if (rejection is not null)
        {
            return null;
        }
        var fields = MemberChanges.Fields(before, structure);
        structure = before is not null && fields.Count == 0
            ? before
            : structure with { CreatedAt = before?.CreatedAt ?? now, UpdatedAt = now };
        return new StructureStep(key, s, before, structure, fields);
    }

    /// <summary>The person as the line leaves them: matched by any of their addresses.</summary>
    private static PersonStep? CheckPerson(ParsedPerson p, StructureStep? structure, ImportState state, DateTimeOffset now, out string? rejection)
    {
        rejection = null;
        if (state.PersonLines.TryGetValue(p.Email!, out var earlier))
        {
            if (earlier.Values.StructureKey == structure?.Key)
            {
                rejection = $"Personne en double : déjà importée à la ligne {earlier.Line}.";
                return null;
            }
            if (earlier.Values != p with { StructureKey = earlier.Values.StructureKey })
            {
                rejection = $"Personne en double : même adresse e-mail qu'à la ligne {earlier.Line}, avec d'autres informations.";
                return null;
            }
        }
        var before = MemberRecordRules.FindByEmail(state.People.Values, p.Email!);
        if (before is null && (p.FirstName is null || p.LastName is null))
        {
            rejection = "Nouvelle personne sans prénom ou sans nom : les colonnes « Prénom » et « Nom » sont obligatoires.";
            return null;
        }
        var person = Merge(before, p, structure?.Value.Id);
        rejection = FirstError(MemberValidation.Check(person));
        if (rejection is not null)
        {
            return null;
        }
        var known = structure is null
            ? state.Structures
            : new Dictionary<string, MemberStructure>(state.Structures, StringComparer.Ordinal) { [structure.Value.Id] = structure.Value };
        person = MemberRecordRules.Derive(person, known);
        var fields = MemberChanges.Fields(before, person);
        var derivedMoved = before is not null && (person.StructureName != before.StructureName
            || person.StructureKind != before.StructureKind || person.Department != before.Department);
        person = before is not null && fields.Count == 0 && !derivedMoved
            ? before
            : person with { CreatedAt = before?.CreatedAt ?? now, UpdatedAt = fields.Count > 0 ? now : before?.UpdatedAt };
        return new PersonStep(p with { StructureKey = structure?.Key }, before, person, fields, derivedMoved);
    }

    /// <summary>The structure's cotisation of a year as the line leaves it: empty cells keep the stored values.</summary>
    private static CotisationStep? CheckCotisation(ParsedCotisation c, MemberStructure structure, ImportState state, DateTimeOffset now, int thisYear, out string? rejection)
    {
        state.Cotisations.TryGetValue($"{structure.Id}~{c.Year}", out var before);
        var cotisation = new Cotisation
        {
            StructureId = structure.Id,
            Year = c.Year,
            Amount = c.Amount ?? before?.Amount ?? -1,
            PaidOn = c.PaidOn ?? before?.PaidOn,
            Method = c.Method ?? before?.Method,
            NationalShare = c.NationalShare ?? before?.NationalShare,
            RecordedAt = before?.RecordedAt ?? now,
            Version = before?.Version,
        };
        rejection = FirstError(MemberValidation.Check(cotisation, thisYear));
        return rejection is null ? new CotisationStep(before, cotisation, MemberChanges.Fields(before, cotisation)) : null;
    }

    /// <summary>The line is good: stage what it changes, so later lines see it.</summary>
    private static ImportLine Stage(Row row, ImportState state, StructureStep? structure, PersonStep? person, CotisationStep? cotisation)
    {
        var changed = new List<string>();
        var created = false;
        if (structure is not null)
        {
            state.StructureLines.TryAdd(structure.Key, (row.Line, structure.Parsed));
            if (structure.Before is null || structure.Fields.Count > 0)
            {
                created |= structure.Before is null;
                changed.AddRange(structure.Fields.Select(f => "structure." + f));
                state.Stage(structure.Value, structure.Before is null ? "created" : "updated", structure.Fields);
            }
        }
        if (person is not null)
        {
            state.PersonLines.TryAdd(person.Value.Email, (row.Line, person.Parsed));
            if (person.Before is null || person.Fields.Count > 0)
            {
                created |= person.Before is null;
                changed.AddRange(person.Fields.Select(f => "person." + f));
                state.Stage(person.Value, person.Before is null ? "created" : "updated", person.Fields);
            }
            else if (person.DerivedMoved)
            {
                state.Stage(person.Value, null, []); // only the derived matching fields moved
            }
        }
        if (cotisation is not null && (cotisation.Before is null || cotisation.Fields.Count > 0))
        {
            created |= cotisation.Before is null;
            changed.AddRange(cotisation.Fields.Select(f => "cotisation." + f));
            state.Stage(cotisation.Value, cotisation.Before is null ? "created" : "updated", cotisation.Fields);
        }

        var status = created ? ImportLineStatus.Accepted : changed.Count > 0 ? ImportLineStatus.Updated : ImportLineStatus.Unchanged;
        return new ImportLine(row.Line, status, null, person?.Value.Id, structure?.Value.Id, changed);
    }

    private sealed record StructureStep(string Key, ParsedStructure Parsed, MemberStructure? Before, MemberStructure Value, IReadOnlyList<string> Fields);

    private sealed record PersonStep(ParsedPerson Parsed, Person? Before, Person Value, IReadOnlyList<string> Fields, bool DerivedMoved);

    private sealed record CotisationStep(Cotisation? Before, Cotisation Value, IReadOnlyList<string> Fields);

    private static string? FirstError(ValidationErrors errors) =>
        errors.IsEmpty ? null : errors.ToDictionary().First().Value[0];

    private static MemberStructure? Merge(MemberStructure? existing, ParsedStructure s)
    {
        if (existing is null && (s.Kind is null || s.Department is null))
        {
            return null;
        }
        return new MemberStructure
        {
            Id = existing?.Id ?? MemberRecordRules.NewStructureId(),
            Kind = s.Kind ?? existing!.Kind,
            Name = s.Name ?? existing!.Name,
            Department = s.Department ?? existing!.Department,
            Commune = s.Commune ?? existing?.Commune,
            Siret = s.Siret ?? existing?.Siret,
            Finess = s.Finess ?? existing?.Finess,
            AciSignatory = s.Aci ?? existing?.AciSignatory ?? false,
            Sisa = s.Sisa ?? existing?.Sisa ?? false,
            JoinedOn = s.JoinedOn ?? existing?.JoinedOn,
            LeftOn = s.LeftOn ?? existing?.LeftOn,
            CreatedAt = existing?.CreatedAt,
            UpdatedAt = existing?.UpdatedAt,
            Version = existing?.Version,
        };
    }

    private static Person Merge(Person? existing, ParsedPerson p, string? structureId)
    {
        var structureIds = (existing?.StructureIds ?? []).ToList();
        if (structureId is not null && !structureIds.Contains(structureId))
        {
            structureIds.Add(structureId);
        }
        var otherEmails = (existing?.OtherEmails ?? []).Union(p.OtherEmails ?? [], StringComparer.Ordinal)
            .Where(e => !string.Equals(e, existing?.Email ?? p.Email, StringComparison.Ordinal)).ToList();
        return new Person
        {
            Id = existing?.Id ?? MemberRecordRules.NewPersonId(),
            FirstName = p.FirstName ?? existing!.FirstName,
            LastName = p.LastName ?? existing!.LastName,
            Email = existing?.Email ?? p.Email!,
            OtherEmails = otherEmails,
            Phone = p.Phone ?? existing?.Phone,
            Profession = p.Profession ?? existing?.Profession,
            Roles = p.Roles ?? existing?.Roles ?? [],
            BoardCollege = p.College ?? existing?.BoardCollege,
            StructureIds = structureIds,
            LastContactOn = p.LastContact ?? existing?.LastContactOn,
            Preferences = existing?.Preferences ?? MemberRecordRules.DefaultPreferences(p.Roles ?? []),
            StructureName = existing?.StructureName,
            StructureKind = existing?.StructureKind,
            Department = existing?.Department,
            CreatedAt = existing?.CreatedAt,
            UpdatedAt = existing?.UpdatedAt,
            Version = existing?.Version,
        };
    }

    /// <summary>The stored file plus what this import changed so far, so later lines see earlier ones.</summary>
    private sealed class ImportState
    {
        public ImportState(IReadOnlyList<MemberStructure> structures, IReadOnlyList<Person> people, IReadOnlyList<Cotisation> cotisations)
        {
            Structures = structures.ToDictionary(s => s.Id, StringComparer.Ordinal);
            People = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
            Cotisations = cotisations.ToDictionary(c => $"{c.StructureId}~{c.Year}", StringComparer.Ordinal);
        }

        public Dictionary<string, MemberStructure> Structures { get; }

        public Dictionary<string, Person> People { get; }

        public Dictionary<string, Cotisation> Cotisations { get; }

        public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

        public List<AuditEntry> Audit { get; } = [];

        public Dictionary<string, (int Line, ParsedStructure Values)> StructureLines { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (int Line, ParsedPerson Values)> PersonLines { get; } = new(StringComparer.Ordinal);

        public MemberStructure? FindStructure(ParsedStructure s) =>
            (s.Siret is null ? null : Structures.Values.FirstOrDefault(x => x.Siret == s.Siret))
            ?? (s.Finess is null ? null : Structures.Values.FirstOrDefault(x => x.Finess == s.Finess))
            ?? (s.Name is null ? null : Structures.Values.FirstOrDefault(x =>
                ImportColumns.FoldedKey(x.Name) == ImportColumns.FoldedKey(s.Name) && x.Department == (s.Department ?? x.Department)));

        public void Stage(MemberStructure structure, string? action, IReadOnlyList<string> fields)
        {
            Structures[structure.Id] = structure;
            Touched.Add("s:" + structure.Id);
            Record(action, "structure", structure.Id, fields);
        }

        public void Stage(Person person, string? action, IReadOnlyList<string> fields)
        {
            People[person.Id] = person;
            Touched.Add("p:" + person.Id);
            Record(action, "person", person.Id, fields);
        }

        public void Stage(Cotisation cotisation, string? action, IReadOnlyList<string> fields)
        {
            var key = $"{cotisation.StructureId}~{cotisation.Year}";
            Cotisations[key] = cotisation;
            Touched.Add("c:" + key);
            Record(action, "cotisation", key, fields);
        }

        private void Record(string? action, string kind, string id, IReadOnlyList<string> fields)
        {
            if (action is not null)
            {
                Audit.Add(new AuditEntry(default, string.Empty, action, kind, id, fields, "import CSV"));
            }
        }
    }
}

/// <summary>A data line with its cells looked up by column.</summary>
internal sealed class Row(CsvRecord record, IReadOnlyDictionary<string, int> map)
{
    public int Line => record.Line;

    public int CellCount => record.Fields.Count;

    public bool Has(string column) => map.ContainsKey(column);

    /// <summary>
    /// The trimmed cell without characters XML cannot carry (the member file is exported to XLSX), or null when the
    /// column is absent or the cell empty.
    /// </summary>
    public string? this[string column] =>
        map.TryGetValue(column, out var i) && i < record.Fields.Count && XmlText.Strip(record.Fields[i]).Trim() is { Length: > 0 } value ? value : null;
}

internal sealed record ParsedStructure(
    string? Name, string? Kind, string? Department, string? Commune, string? Siret, string? Finess,
    bool? Aci, bool? Sisa, DateOnly? JoinedOn, DateOnly? LeftOn);

internal sealed record ParsedPerson(
    string? FirstName, string? LastName, string? Email, IReadOnlyList<string>? OtherEmails, string? Phone, string? Profession,
    IReadOnlyList<string>? Roles, int? College, DateOnly? LastContact)
{
    /// <summary>Which structure the line linked the person to (to tell a second structure from a duplicate line).</summary>
    public string? StructureKey { get; init; }

    public bool Equals(ParsedPerson? other) =>
        other is not null && FirstName == other.FirstName && LastName == other.LastName && Email == other.Email
        && Phone == other.Phone && Profession == other.Profession && College == other.College && LastContact == other.LastContact
        && (OtherEmails ?? []).SequenceEqual(other.OtherEmails ?? []) && (Roles ?? []).SequenceEqual(other.Roles ?? [])
        && StructureKey == other.StructureKey;

    public override int GetHashCode() => HashCode.Combine(Email, FirstName, LastName);
}

internal sealed record ParsedCotisation(int Year, decimal? Amount, DateOnly? PaidOn, string? Method, decimal? NationalShare);

internal sealed record ParsedRow(ParsedStructure? Structure, ParsedPerson? Person, ParsedCotisation? Cotisation, string? Error);

/// <summary>Turns cells into values, or gives the first reason (French, naming the column) the line is refused.</summary>
internal static class RowParser
{
    public static ParsedRow Parse(Row row, int thisYear)
    {
        try
        {
            return new ParsedRow(Structure(row), Person(row), Cotisation(row, thisYear), null);
        }
        catch (FormatException ex)
        {
            return new ParsedRow(null, null, null, ex.Message);
        }
    }

    private static ParsedStructure? Structure(Row row)
    {
        var name = row[ImportColumns.Structure];
        var siret = row[ImportColumns.Siret] is { } rawSiret ? FrenchIdentifiers.Compact(rawSiret) : null;
        var finess = row[ImportColumns.Finess] is { } rawFiness ? FrenchIdentifiers.Compact(rawFiness).ToUpperInvariant() : null;
        if (name is null && siret is null && finess is null)
        {
            return null;
        }
        string? kind = null;
        if (row[ImportColumns.Kind] is { } kindText)
        {
            kind = FrenchCells.Kind(kindText) ?? throw new FormatException("Type de structure inconnu (colonne « Type ») : attendu MSP, ESP, CPTS, CDS ou AUTRE.");
        }
        var department = row[ImportColumns.Department];
        if (department is not null && MemberValidation.CheckDepartment(department) is { } departmentError)
        {
            throw new FormatException(departmentError);
        }
        if (MemberValidation.CheckSiret(siret) is { } siretError)
        {
            throw new FormatException(siretError);
        }
        if (MemberValidation.CheckFiness(finess) is { } finessError)
        {
            throw new FormatException(finessError);
        }
        return new ParsedStructure(
            name, kind, department, row[ImportColumns.Commune], siret, finess,
            Bool(row, ImportColumns.Aci, "Signataire ACI"), Bool(row, ImportColumns.Sisa, "SISA"),
            Date(row, ImportColumns.JoinedOn, "Date d'adhésion"), Date(row, ImportColumns.LeftOn, "Date de sortie"));
    }

    private static ParsedPerson? Person(Row row)
    {
        var first = row[ImportColumns.FirstName];
        var last = row[ImportColumns.LastName];
        var email = row[ImportColumns.Email]?.ToLowerInvariant();
        if (first is null && last is null && email is null)
        {
            return null;
        }
        if (email is null)
        {
            throw new FormatException("Adresse e-mail manquante (colonne « E-mail ») : elle identifie la personne.");
        }
        if (MemberValidation.CheckEmail(email) is { } emailError)
        {
            throw new FormatException(emailError[..^1] + " (colonne « E-mail »).");
        }
        var others = row[ImportColumns.OtherEmails]?.Split([',', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).ToList();
        if (others is not null && others.Any(e => !MemberValidation.IsEmail(e)))
        {
            throw new FormatException("Adresse e-mail invalide (colonne « Autres e-mails »).");
        }
        List<string>? roles = null;
        if (row[ImportColumns.Roles] is { } rolesText)
        {
            roles = [];
            foreach (var part in rolesText.Split([',', '|', '/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var role = FrenchCells.Role(part) ?? throw new FormatException("Rôle inconnu (colonne « Rôles ») : coordinatrice, leader, CA ou salarié·e.");
                if (!roles.Contains(role))
                {
                    roles.Add(role);
                }
            }
        }
        int? college = null;
        if (row[ImportColumns.College] is { } collegeText)
        {
            college = collegeText.Trim() switch
            {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                _ => throw new FormatException("Collège inconnu (colonne « Collège ») : 1, 2 ou 3."),
            };
        }
        return new ParsedPerson(first, last, email, others, row[ImportColumns.Phone], row[ImportColumns.Profession], roles, college,
            Date(row, ImportColumns.LastContact, "Dernier contact"));
    }

    private static ParsedCotisation? Cotisation(Row row, int thisYear)
    {
        var yearText = row[ImportColumns.Year];
        var amountText = row[ImportColumns.Amount];
        if (yearText is null && amountText is null && row[ImportColumns.PaidOn] is null)
        {
            return null;
        }
        if (row[ImportColumns.Structure] is null && row[ImportColumns.Siret] is null && row[ImportColumns.Finess] is null)
        {
            throw new FormatException("Cotisation sans structure : renseignez la colonne « Structure ».");
        }
        if (yearText is null || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > thisYear + 1)
        {
            throw new FormatException($"Année de cotisation impossible (colonne « Année de cotisation ») : entre 2000 et {thisYear + 1}.");
        }
        decimal? amount = null;
        if (amountText is not null)
        {
            amount = FrenchCells.TryDecimal(amountText, out var a) ? a : throw new FormatException("Montant illisible (colonne « Montant ») : par exemple 150,00.");
        }
        decimal? share = null;
        if (row[ImportColumns.NationalShare] is { } shareText)
        {
            share = FrenchCells.TryDecimal(shareText, out var s) ? s : throw new FormatException("Part nationale illisible (colonne « Part nationale ») : par exemple 30,00.");
        }
        string? method = null;
        if (row[ImportColumns.Method] is { } methodText)
        {
            method = FrenchCells.Method(methodText) ?? throw new FormatException("Mode de paiement inconnu (colonne « Mode de paiement ») : virement, chèque, prélèvement, carte, espèces ou autre.");
        }
        return new ParsedCotisation(year, amount, Date(row, ImportColumns.PaidOn, "Payée le"), method, share);
    }

    private static DateOnly? Date(Row row, string column, string header)
    {
        if (row[column] is not { } text)
        {
            return null;
        }
        return FrenchCells.TryDate(text, out var date)
            ? date
            : throw new FormatException($"Date impossible (colonne « {header} ») : attendu jj/mm/aaaa, une date qui existe.");
    }

    private static bool? Bool(Row row, string column, string header)
    {
        if (row[column] is not { } text)
        {
            return null;
        }
        return FrenchCells.YesNo(text) ?? throw new FormatException($"Valeur oui/non attendue (colonne « {header} »).");
    }
}
