using System.Globalization;
using Azure.Data.Tables;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Reports;

/// <summary>
/// The outbox's messages of a year for the report: the twelve monthly partitions "{federation}~{yyyyMM}" of ADR 0003,
/// read concurrently, only the five columns counted (no addresses, no bodies travel). Claim rows live in another
/// partition and are never read.
/// </summary>
public sealed class TableSendLog(TableStore tables, IOptions<FederationOptions> federation) : ISendLog
{
    private static readonly string[] Columns = ["Kind", "Channel", "Status", "RecipientId", "CreatedAt"];

    public async Task<IReadOnlyList<SendRecord>> ListYearAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableOutboxStore.TableName, cancellationToken).ConfigureAwait(false);
        var months = await Task.WhenAll(Enumerable.Range(1, 12).Select(month => ReadMonthAsync(table, year, month, cancellationToken))).ConfigureAwait(false);
        return months.SelectMany(m => m).ToList();
    }

    private async Task<List<SendRecord>> ReadMonthAsync(TableClient table, int year, int month, CancellationToken cancellationToken)
    {
        var partition = federation.Value.Id + "~" + year.ToString("D4", CultureInfo.InvariantCulture) + month.ToString("D2", CultureInfo.InvariantCulture);
        var result = new List<SendRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SendRecord(
                e.GetString("Kind") ?? string.Empty,
                e.GetString("Channel") ?? "Email",
                e.GetString("Status") ?? string.Empty,
                e.GetString("RecipientId") ?? string.Empty,
                e.GetDateTimeOffset("CreatedAt") ?? default));
        }
        return result;
    }
}
