using AvecSante.Core.Calls;
using AvecSante.Core.Documents;
using AvecSante.Core.Events;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;

namespace AvecSante.Core.Reports;

/// <summary>What the report needs of one outbox message: no address, no body (counts only).</summary>
public sealed record SendRecord(string Kind, string Channel, string Status, string RecipientId, DateTimeOffset CreatedAt);

/// <summary>The outbox's messages of a year, read month partition by month partition (ADR 0003).</summary>
public interface ISendLog
{
    /// <summary>Messages created in the calendar year (UTC months, as the outbox partitions them).</summary>
    Task<IReadOnlyList<SendRecord>> ListYearAsync(int year, CancellationToken cancellationToken);
}

public sealed record EventWithTickets(Event Event, IReadOnlyList<Ticket> Tickets);

/// <summary>The raw data of the report for years N-1 and N, as the capabilities hold it. Null = capability absent.</summary>
public sealed record ReportData
{
    public IReadOnlyList<MemberStructure>? Structures { get; init; }

    public IReadOnlyList<Cotisation>? Cotisations { get; init; }

    public IReadOnlyList<EventWithTickets>? Events { get; init; }

    public IReadOnlyList<CallForProjects>? Calls { get; init; }

    /// <summary>Sends of year N and N-1.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<SendRecord>>? Sends { get; init; }

    public IReadOnlyList<DocumentSummary>? Documents { get; init; }
}
