using AvecSante.Core.Calls;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

namespace AvecSante.Core.Reports;

/// <summary>What the report needs of one outbox message: no address, no body (counts only).</summary>
public sealed record SendRecord(string Kind, string Channel, string Status, string RecipientId, DateTimeOffset CreatedAt);

/// <summary>The outbox's sends, month by month (ADR 0003), as totals (ADR 0011).</summary>
public interface ISendLog
{
    /// <summary>Totals of the messages created in the calendar year (UTC months, as the outbox partitions them).</summary>
    Task<SendTotals> TotalsOfYearAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the totals of the recent months the dispatcher no longer scans (their messages cannot change any more), so
    /// the report never reads their rows again. Returns how many months it closed; running it twice closes nothing.
    /// </summary>
    Task<int> CloseMonthsAsync(CancellationToken cancellationToken);
}

public sealed record EventWithTickets(Event Event, IReadOnlyList<Ticket> Tickets);

/// <summary>The raw data of the report for years N-1 and N, as the capabilities hold it. Null = capability absent.</summary>
public sealed record ReportData
{
    public IReadOnlyList<MemberStructure>? Structures { get; init; }

    public IReadOnlyList<Cotisation>? Cotisations { get; init; }

    public IReadOnlyList<EventWithTickets>? Events { get; init; }

    public IReadOnlyList<CallForProjects>? Calls { get; init; }

    /// <summary>Send totals of year N and N-1.</summary>
    public IReadOnlyDictionary<int, SendTotals>? Sends { get; init; }

    public IReadOnlyList<DocumentSummary>? Documents { get; init; }
}
