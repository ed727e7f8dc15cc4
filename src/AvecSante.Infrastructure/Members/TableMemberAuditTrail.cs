using System.Globalization;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>
/// MemberAudit: PartitionKey = "{federation}~{yyyyMM}" (a month of changes), RowKey = inverted ticks + a random suffix,
/// so a partition reads newest first and two changes in the same tick never collide. Field names only, never values.
/// </summary>
public sealed class TableMemberAuditTrail(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : IMemberAuditTrail
{
    public const string TableName = "MemberAudit";

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) => RecordAllAsync([entry], cancellationToken);

    public async Task RecordAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await TableBatches.SaveAsync(table, entries.Select(ToEntity), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? entityId, int months, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new List<AuditEntry>();
        for (var i = 0; i < Math.Max(1, months); i++)
        {
            var partition = Partition(month.AddMonths(-i));
            var filter = entityId is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and EntityId eq {entityId}");
            result.AddRange(await tables.QueryAsync(TableName, filter, e => new AuditEntry(
                e.GetDateTimeOffset("At") ?? default,
                e.GetString("Actor"),
                e.GetString("Action"),
                e.GetString("EntityKind"),
                e.GetString("EntityId"),
                Json.List(e.GetString("Fields")),
                e.GetString("Note")), cancellationToken).ConfigureAwait(false));
        }
        return result;
    }

    private string Partition(DateTimeOffset at) =>
        federation.Value.Id + "~" + at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private TableEntity ToEntity(AuditEntry entry) =>
        new(Partition(entry.At), (DateTime.MaxValue.Ticks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8])
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["EntityKind"] = entry.EntityKind,
            ["EntityId"] = entry.EntityId,
            ["Fields"] = Json.List(entry.Fields),
            ["Note"] = entry.Note,
        };
}
