using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

/// <summary>Everything held about one person, section by section (GDPR right of access).</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    Person Person,
    IReadOnlyList<MemberStructure> Structures,
    IReadOnlyList<AuditEntry> Changes,
    IReadOnlyDictionary<string, object?> Elsewhere);

/// <summary>What an erasure removed: counts only.</summary>
public sealed record ErasureSummary(string PersonId, IReadOnlyDictionary<string, int> Erased);

/// <summary>A person the retention rules say to erase, and why (no personal value in it).</summary>
public sealed record RetentionCandidate(string PersonId, string Reason);

public sealed record RetentionRules(int MonthsAfterStructureLeft, int MonthsAfterLastContact);

/// <summary>GDPR: right of access (export), right to erasure, and the retention purge.</summary>
public sealed class PersonalDataService(
    IPeopleRegister people,
    IStructureRepository structures,
    IMemberAuditTrail audit,
    IEnumerable<IPersonalDataHolder> holders,
    TimeProvider clock)
{
    /// <summary>How far back the audit trail is read for an export (the trail is kept in monthly partitions).</summary>
    public const int AuditMonths = 60;

    public async Task<PersonalDataExport?> ExportAsync(string personId, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return null;
        }
        var all = (await structures.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var theirs = person.StructureIds.Where(all.ContainsKey).Select(id => all[id]).ToList();
        var changes = await audit.ListAsync(personId, AuditMonths, cancellationToken).ConfigureAwait(false);
        var elsewhere = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            elsewhere[holder.Section] = await holder.ExportAsync(person, cancellationToken).ConfigureAwait(false);
        }
        return new PersonalDataExport(clock.GetUtcNow(), person, theirs, changes, elsewhere);
    }

    /// <summary>
    /// Erases the person everywhere: every holder first (outbox, archives…), the person's row last, so an erasure that
    /// stops half-way can simply be run again. The audit trail keeps that an erasure happened, with no personal value.
    /// </summary>
    public async Task<ErasureSummary?> EraseAsync(string personId, string actor, string reason, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(personId, cancellationToken).ConfigureAwait(false);
        return person is null ? null : await EraseEverywhereAsync(person, inFile: true, actor, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Erasure by email address: the person of the member file who has it (then everything the person erasure reaches),
    /// or else someone in no file (a HelloAsso buyer, a webhook attendee), whose tickets, emails, raw payloads, archives
    /// and local files are found by that address. The audit trail keeps a digest of the address, never the address.
    /// </summary>
    public async Task<ErasureSummary> EraseByEmailAsync(string email, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var address = email.Trim();
        if (MemberRecordRules.FindByEmail(await people.ListAllAsync(cancellationToken).ConfigureAwait(false), address) is { } known)
        {
            return await EraseEverywhereAsync(known, inFile: true, actor, reason, cancellationToken).ConfigureAwait(false);
        }
        var subjectId = "email-" + StableKeys.Digest(address.ToLowerInvariant(), 16);
        var subject = new Person { Id = subjectId, FirstName = string.Empty, LastName = string.Empty, Email = address };
        return await EraseEverywhereAsync(subject, inFile: false, actor, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every holder first (outbox, archives…), the person's row last (none for someone in no file), so an erasure that
    /// stops half-way can simply be run again; then the audit entry, with no personal value.
    /// </summary>
    private async Task<ErasureSummary> EraseEverywhereAsync(Person person, bool inFile, string actor, string reason, CancellationToken cancellationToken)
    {
        var erased = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            erased[holder.Section] = await holder.EraseAsync(person, cancellationToken).ConfigureAwait(false);
        }
        erased["people"] = inFile && await people.DeleteAsync(person.Id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        await audit.RecordAsync(new AuditEntry(clock.GetUtcNow(), actor, "erased", inFile ? "person" : "address", person.Id, ["*"], reason), cancellationToken).ConfigureAwait(false);
        return new ErasureSummary(person.Id, erased);
    }

    /// <summary>
    /// Who the retention rules say to erase today: people all of whose structures left more than
    /// <see cref="RetentionRules.MonthsAfterStructureLeft"/> months ago, and contacts without a structure whose last real
    /// contact (or creation) is older than <see cref="RetentionRules.MonthsAfterLastContact"/> months (the CNIL's usual
    /// three years). Staff and board members are kept: their data serves the association itself.
    /// </summary>
    public async Task<IReadOnlyList<RetentionCandidate>> RetentionCandidatesAsync(RetentionRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var today = ParisTime.Today(clock);
        var all = (await structures.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var candidates = new List<RetentionCandidate>();
        foreach (var person in await people.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (person.Roles.Contains(MemberRoles.Staff) || person.Roles.Contains(MemberRoles.Board))
            {
                continue;
            }
            var theirs = person.StructureIds.Where(all.ContainsKey).Select(id => all[id]).ToList();
            if (theirs.Count > 0)
            {
                var leftLimit = today.AddMonths(-rules.MonthsAfterStructureLeft);
                if (theirs.All(s => s.LeftOn is { } left && left < leftLimit))
                {
                    candidates.Add(new RetentionCandidate(person.Id, $"toutes ses structures sont sorties depuis plus de {rules.MonthsAfterStructureLeft} mois"));
                }
                continue;
            }
            var lastContact = person.LastContactOn
                ?? (person.CreatedAt is { } created ? DateOnly.FromDateTime(ParisTime.ToParis(created).DateTime) : (DateOnly?)null);
            if (lastContact is { } last && last < today.AddMonths(-rules.MonthsAfterLastContact))
            {
                candidates.Add(new RetentionCandidate(person.Id, $"contact non adhérent sans échange depuis plus de {rules.MonthsAfterLastContact} mois"));
            }
        }
        return candidates;
    }
}
