using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

namespace AvecSante.Core.Reports;

/// <summary>The capabilities the report draws on. Any of them may be absent (null): its sections then say "Aucune donnée".</summary>
public sealed record ReportSources(
    IStructureRepository? Structures = null,
    ICotisationRepository? Cotisations = null,
    IEventRepository? Events = null,
    ITicketStore? Tickets = null,
    ICallRepository? Calls = null,
    ISendLog? Sends = null,
    IDocumentRepository? Documents = null);

/// <summary>
/// Reads what the report needs for years N-1 and N, every read scoped to a partition: the member file's two partitions,
/// the events partition then one ticket partition per event of those years, the calls partition filtered on the server,
/// the outbox's month totals (and the rows of its open months), the library's record partition. Independent reads run concurrently.
/// </summary>
public sealed class ReportDataReader(ReportSources sources)
{
    private const int TicketReadsInParallel = 8;

    public async Task<ReportData> ReadAsync(int year, CancellationToken cancellationToken)
    {
        var structures = sources.Structures is { } s ? s.ListAsync(cancellationToken) : Task.FromResult<IReadOnlyList<MemberStructure>>([]);
        var cotisations = sources.Cotisations is { } c ? c.ListAsync(cancellationToken) : Task.FromResult<IReadOnlyList<Cotisation>>([]);
        var events = ReadEventsAsync(year, cancellationToken);
        var calls = sources.Calls is { } calls0
            ? calls0.ListPublishedBetweenAsync(new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 31), cancellationToken)
            : Task.FromResult<IReadOnlyList<CallForProjects>>([]);
        var sendsNow = sources.Sends is { } log ? log.TotalsOfYearAsync(year, cancellationToken) : Task.FromResult(SendTotals.Empty);
        var sendsBefore = sources.Sends is { } log1 ? log1.TotalsOfYearAsync(year - 1, cancellationToken) : Task.FromResult(SendTotals.Empty);
        var documents = sources.Documents is { } d
            ? d.ListAsync(new DocumentFilter { Kind = DocumentKinds.ExperienceSheet }, cancellationToken)
            : Task.FromResult<IReadOnlyList<DocumentSummary>>([]);
        await Task.WhenAll(structures, cotisations, events, calls, sendsNow, sendsBefore, documents).ConfigureAwait(false);

        return new ReportData
        {
            Structures = sources.Structures is null ? null : await structures.ConfigureAwait(false),
            Cotisations = sources.Cotisations is null ? null : await cotisations.ConfigureAwait(false),
            Events = await events.ConfigureAwait(false),
            Calls = sources.Calls is null ? null : await calls.ConfigureAwait(false),
            Sends = sources.Sends is null ? null : new Dictionary<int, SendTotals>
            {
                [year] = await sendsNow.ConfigureAwait(false),
                [year - 1] = await sendsBefore.ConfigureAwait(false),
            },
            Documents = sources.Documents is null ? null : await documents.ConfigureAwait(false),
        };
    }

    private async Task<IReadOnlyList<EventWithTickets>?> ReadEventsAsync(int year, CancellationToken cancellationToken)
    {
        if (sources.Events is not { } repository)
        {
            return null;
        }
        var all = await repository.ListAsync(cancellationToken).ConfigureAwait(false);
        var ofYears = all.Where(e => ParisTime.ToParis(e.StartsAt).Year is var y && (y == year || y == year - 1)).ToList();
        if (sources.Tickets is not { } tickets)
        {
            return ofYears.Select(e => new EventWithTickets(e, [])).ToList();
        }
        var result = new EventWithTickets[ofYears.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ofYears.Count), new ParallelOptions { MaxDegreeOfParallelism = TicketReadsInParallel, CancellationToken = cancellationToken },
            async (i, ct) => result[i] = new EventWithTickets(ofYears[i], await tickets.ListAsync(ofYears[i].Id, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return result;
    }
}
