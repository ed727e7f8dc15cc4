
namespace AvecSante.Core.Members;

/// <summary>Member structures: a few hundred rows, read as one partition.</summary>
public interface IStructureRepository
{
    Task<IReadOnlyList<MemberStructure>> ListAsync(CancellationToken cancellationToken);

    Task<MemberStructure?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>False when a structure with that id exists already.</summary>
    Task<bool> TryAddAsync(MemberStructure structure, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its <see cref="MemberStructure.Version"/> is still current; null when it is not (412).</summary>
    Task<MemberStructure?> TryUpdateAsync(MemberStructure structure, CancellationToken cancellationToken);

    /// <summary>Adds new (Version null) and replaces known (Version set) records in transactions of at most 100.</summary>
    Task SaveAllAsync(IReadOnlyList<MemberStructure> structures, CancellationToken cancellationToken);
}

public interface ICotisationRepository
{
    Task<IReadOnlyList<Cotisation>> ListAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Cotisation>> ListForStructureAsync(string structureId, CancellationToken cancellationToken);

    /// <summary>Every structure's cotisations of <paramref name="firstYear"/> and after (the store filters, not the caller).</summary>
    Task<IReadOnlyList<Cotisation>> ListFromYearAsync(int firstYear, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the cotisation of that structure and year (ETag-checked when Version is set); false on 409/412.</summary>
    Task<bool> TrySaveAsync(Cotisation cotisation, CancellationToken cancellationToken);

    Task SaveAllAsync(IReadOnlyList<Cotisation> cotisations, CancellationToken cancellationToken);
}

/// <summary>The people register: the alert directory plus what the member file needs (listing, ETag updates, erasure).</summary>
public interface IPeopleRegister : IPeopleDirectory
{
    Task<IReadOnlyList<Person>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>False when the id or one of the person's addresses is taken: an address belongs to one person at most.</summary>
    Task<bool> TryAddAsync(Person person, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the record if its <see cref="Person.Version"/> is still current; null when it is not (412), or when
    /// another person took one of its new addresses meanwhile.
    /// </summary>
    Task<Person?> TryUpdateAsync(Person person, CancellationToken cancellationToken);

    Task SaveAllAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken);

    /// <summary>Removes the row for good (GDPR erasure). False when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>One change of the member file: who, when, what (field names only, never values).</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityKind,
    string EntityId,
    IReadOnlyList<string> Fields,
    string? Note = null);

public interface IMemberAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task RecordAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries of the last <paramref name="months"/> months, newest first, optionally about one entity.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? entityId, int months, CancellationToken cancellationToken);
}

/// <summary>Where raw import files are kept, before anything is read from them.</summary>
public interface IImportArchive
{
    /// <returns>The archive's name and the SHA-256 (hex) of the bytes.</returns>
    Task<(string Name, string Sha256)> ArchiveAsync(ReadOnlyMemory<byte> content, string? fileName, CancellationToken cancellationToken);
}

/// <summary>
/// A capability that holds personal data about people (outbox, import archives, tickets…): it can show what it holds
/// about one person and erase it. The GDPR export and erasure ask every registered holder.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Short name of the section in the export ("outbox", "imports"…).</summary>
    string Section { get; }

    Task<object?> ExportAsync(Person person, CancellationToken cancellationToken);

    /// <returns>How many records were erased or anonymised.</returns>
    Task<int> EraseAsync(Person person, CancellationToken cancellationToken);
}
