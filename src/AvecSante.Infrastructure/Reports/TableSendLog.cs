using System.Globalization;
using System.Text.Json;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Reports;

/// <summary>
/// The report's view of the outbox (ADR 0003, ADR 0011). A year is twelve monthly partitions "{federation}~{yyyyMM}".
/// A month the dispatcher no longer scans is closed: its totals are computed once from its rows and kept in
/// <see cref="TotalsTableName"/> (PartitionKey federation, RowKey yyyyMM); after that the report reads one row for it
/// instead of thousands. Open months are read from their rows every time, five columns only (no address, no body).
/// </summary>
public sealed partial class TableSendLog(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock, ILogger<TableSendLog> logger) : ISendLog
{
    public const string TotalsTableName = "OutboxMonthTotals";

    /// <summary>How far back <see cref="CloseMonthsAsync"/> looks: the report's two years, and a little more.</summary>
    public const int MonthsClosedBack = 26;

    /// <summary>
    /// Past this many people reached in one month the digests would not fit an entity (1 MiB): the month is then not
    /// kept, and read from its rows every time (logged).
    /// </summary>
    public const int MaxRecipientsKept = 25_000;

    // A string property holds at most 32K UTF-16 characters: the digests are split across numbered properties.
    private const int DigestsPerProperty = 1_900;

    private static readonly string[] Columns = ["Kind", "Channel", "Status", "RecipientId", "CreatedAt"];

    private string FederationId => federation.Value.Id;

    public async Task<SendTotals> TotalsOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var january = new DateOnly(year, 1, 1);
        var kept = await ReadKeptAsync(january, january.AddMonths(11), cancellationToken).ConfigureAwait(false);
        var months = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => january.AddMonths(i)).Select(month =>
            kept.TryGetValue(month, out var totals) ? Task.FromResult(totals) : TotalMonthAsync(month, cancellationToken))).ConfigureAwait(false);
        return SendTotals.Sum(months);
    }

    public async Task<int> CloseMonthsAsync(CancellationToken cancellationToken)
    {
        var firstOpen = TableOutboxStore.FirstScannedMonth(clock.GetUtcNow());
        var from = firstOpen.AddMonths(-MonthsClosedBack);
        var kept = await ReadKeptAsync(from, firstOpen.AddMonths(-1), cancellationToken).ConfigureAwait(false);
        var closed = 0;
        // One month after the other: this runs beside the dispatcher and must stay light on the table.
        for (var month = from; month < firstOpen; month = month.AddMonths(1))
        {
            if (!kept.ContainsKey(month))
            {
                await TotalMonthAsync(month, cancellationToken).ConfigureAwait(false);
                closed++;
            }
        }
        if (closed > 0)
        {
            LogClosed(closed);
        }
        return closed;
    }

    /// <summary>A month's totals from its rows; kept when the month is closed.</summary>
    private async Task<SendTotals> TotalMonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var isClosed = month < TableOutboxStore.FirstScannedMonth(clock.GetUtcNow()); // before reading: a month that closes meanwhile is kept next time
        var partition = TableOutboxStore.MonthPartition(FederationId, month);
        var rows = await tables.QueryAsync(TableOutboxStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), Columns, e => new SendRecord(
            e.GetString("Kind") ?? string.Empty,
            e.GetString("Channel") ?? "Email",
            e.GetString("Status") ?? string.Empty,
            e.GetString("RecipientId") ?? string.Empty,
            e.GetDateTimeOffset("CreatedAt") ?? default), cancellationToken).ConfigureAwait(false);
        var totals = SendTotals.Of(rows);
        if (isClosed)
        {
            await KeepAsync(month, totals, cancellationToken).ConfigureAwait(false);
        }
        return totals;
    }

    private async Task KeepAsync(DateOnly month, SendTotals totals, CancellationToken cancellationToken)
    {
        if (totals.AlertRecipients.Count > MaxRecipientsKept)
        {
            LogTooManyToKeep(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), totals.AlertRecipients.Count);
            return;
        }
        var entity = new TableEntity(FederationId, RowKey(month))
        {
            ["Counts"] = JsonSerializer.Serialize(totals.Counts),
            ["RecipientsReached"] = totals.AlertRecipients.Count,
            ["ClosedAt"] = clock.GetUtcNow(),
        };
        var digests = totals.AlertRecipients.Order(StringComparer.Ordinal).Chunk(DigestsPerProperty).ToList();
        for (var i = 0; i < digests.Count; i++)
        {
            entity["Reached" + i.ToString(CultureInfo.InvariantCulture)] = string.Concat(digests[i]);
        }
        var table = await tables.GetAsync(TotalsTableName, cancellationToken).ConfigureAwait(false);
        // Same rows, same totals: two writers racing write the same entity.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<DateOnly, SendTotals>> ReadKeptAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TotalsTableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FederationId} and RowKey ge {RowKey(first)} and RowKey le {RowKey(last)}");
        var kept = new Dictionary<DateOnly, SendTotals>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var month = DateOnly.ParseExact(e.RowKey + "01", "yyyyMMdd", CultureInfo.InvariantCulture);
            var counts = JsonSerializer.Deserialize<List<SendCount>>(e.GetString("Counts") ?? "[]") ?? [];
            var reached = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; e.GetString("Reached" + i.ToString(CultureInfo.InvariantCulture)) is { } chunk; i++)
            {
                reached.UnionWith(chunk.Chunk(SendTotals.RecipientDigestLength).Select(c => new string(c)));
            }
            kept[month] = new SendTotals(counts, reached);
        }
        return kept;
    }

    private static string RowKey(DateOnly month) => month.ToString("yyyyMM", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: totals kept for {Months} closed month(s)")]
    private partial void LogClosed(int months);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: the totals of {Month} are not kept ({Reached} people reached, over the limit); the report reads its rows each time")]
    private partial void LogTooManyToKeep(string month, int reached);
}
