using System.Globalization;
using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// The outbox table holds two kinds of rows (ADR 0003):
/// - a claim per idempotency key: PartitionKey "{federation}~keys", RowKey = message id; AddEntity makes planning
///   exactly-once (409 = already planned) and the claim records where the message lives;
/// - the message: PartitionKey "{federation}~{yyyyMM}" of its creation, RowKey = message id, so the dispatcher only
///   scans the last two months' partitions and a month's sends stay one partition for the report.
/// </summary>
public sealed partial class TableOutboxStore(TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock) : IOutboxStore
{
    public const string TableName = "Outbox";

    /// <summary>How many monthly partitions the dispatcher and the listing look at (this month included).</summary>
    public const int MonthsScanned = 2;

    private string ClaimPartition => federation.Value.Id + "~keys";

    private string MonthPartition(DateTimeOffset createdAt) =>
        MonthPartition(federation.Value.Id, new DateOnly(createdAt.UtcDateTime.Year, createdAt.UtcDateTime.Month, 1));

    /// <summary>The partition of a month's messages: "{federation}~{yyyyMM}" (UTC month of creation).</summary>
    public static string MonthPartition(string federationId, DateOnly month) =>
        federationId + "~" + month.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The oldest month the dispatcher still scans at <paramref name="now"/>. Messages of the months before it no longer
    /// change (nothing sends or retries them): those months are closed.
    /// </summary>
    public static DateOnly FirstScannedMonth(DateTimeOffset now) =>
        new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1).AddMonths(1 - MonthsScanned);

    public async Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = MonthPartition(message.CreatedAt);
        var claim = new TableEntity(ClaimPartition, message.Id)
        {
            ["IdempotencyKey"] = message.IdempotencyKey,
            ["MessagePartition"] = partition,
        };
        try
        {
            await table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            // Planned before. If that earlier run stopped between claim and message, finish its work now.
            var existing = await table.GetEntityAsync<TableEntity>(ClaimPartition, message.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            var existingPartition = existing.Value.GetString("MessagePartition");
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(existingPartition, message.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!stored.HasValue)
            {
                await AddIgnoringConflictAsync(table, ToEntity(message, existingPartition), cancellationToken).ConfigureAwait(false);
            }
            return false;
        }
        await AddIgnoringConflictAsync(table, ToEntity(message, partition), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<OutboxMessage>();
        foreach (var partition in RecentPartitions())
        {
            // Pending and due, or leased by a dispatcher whose lease ran out (it died mid-send).
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and (Status eq {nameof(OutboxStatus.Pending)} or Status eq {nameof(OutboxStatus.Sending)}) and NextAttemptAt le {now}");
            due.AddRange(await tables.QueryAsync(TableName, filter, FromEntity, cancellationToken).ConfigureAwait(false));
        }
        return due.OrderBy(m => m.NextAttemptAt).ToList();
    }

    public async Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var etag = message.Version is null ? ETag.All : new ETag(message.Version);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(message, MonthPartition(message.CreatedAt)), etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return message with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsPreconditionFailed(ex))
        {
            return null;
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken) =>
        ListRecentAsync(partition => status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListForSubjectAsync(string subject, CancellationToken cancellationToken) =>
        ListRecentAsync(partition => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Subject eq {subject}"), cancellationToken);

    private async Task<IReadOnlyList<OutboxMessage>> ListRecentAsync(Func<string, string> filterOf, CancellationToken cancellationToken)
    {
        var result = new List<OutboxMessage>();
        foreach (var partition in RecentPartitions())
        {
            result.AddRange(await tables.QueryAsync(TableName, filterOf(partition), FromEntity, cancellationToken).ConfigureAwait(false));
        }
        return result.OrderByDescending(m => m.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken)
    {
        // A whole-table scan, acceptable for a rare request (access or erasure); claims have no RecipientId column.
        var messages = await tables.QueryAsync(TableName, TableClient.CreateQueryFilter($"RecipientId eq {recipientId}"), FromEntity, cancellationToken).ConfigureAwait(false);
        return messages.OrderBy(m => m.CreatedAt).ToList();
    }

    public async Task<int> ErasePersonalDataAsync(string recipientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var wanted = new HashSet<string>(addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var erased = 0;
        // One whole-table scan for the id and the addresses (addresses are not keys, and case differs between senders):
        // rare, like every erasure. Claims have neither column.
        var filter = TableClient.CreateQueryFilter($"RecipientId eq {recipientId} or ToAddress gt {string.Empty}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("RecipientId") == recipientId || wanted.Contains(e.GetString("ToAddress")?.Trim() ?? string.Empty))
            {
                await BlankAsync(table, e, cancellationToken).ConfigureAwait(false);
                erased++;
            }
        }
        return erased;
    }

    /// <summary>Blanks a message's personal data; kind, subject, status and dates stay for the counts.</summary>
    private static async Task BlankAsync(TableClient table, TableEntity e, CancellationToken cancellationToken)
    {
        ClearPersonalColumns(e);
        if (e.GetString("Status") is nameof(OutboxStatus.Pending) or nameof(OutboxStatus.Sending))
        {
            e["Status"] = nameof(OutboxStatus.Failed);
            e["LastError"] = "Destinataire effacé (RGPD) : envoi annulé.";
        }
        // Replace under ETag.All: an erasure must win over a dispatcher's lease.
        await table.UpdateEntityAsync(e, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The address, name, bodies, attachments and substitutions of a message row (erasure and retention alike).</summary>
    internal static void ClearPersonalColumns(TableEntity e)
    {
        e["ToAddress"] = string.Empty;
        e["ToName"] = string.Empty;
        e["TextBody"] = string.Empty;
        e["HtmlBody"] = string.Empty;
        e.Remove("Attachments");
        e.Remove("Substitutions"); // first name and signed links of alerts
        e.Remove("Payload");
    }

    private IEnumerable<string> RecentPartitions()
    {
        var first = FirstScannedMonth(clock.GetUtcNow());
        for (var i = MonthsScanned - 1; i >= 0; i--)
        {
            yield return MonthPartition(federation.Value.Id, first.AddMonths(i));
        }
    }

    private static async Task AddIgnoringConflictAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            // Someone planning the same send concurrently stored it first: same content, nothing to do.
        }
    }

    private static TableEntity ToEntity(OutboxMessage m, string partition) => new(partition, m.Id)
    {
        ["IdempotencyKey"] = m.IdempotencyKey,
        ["Kind"] = m.Kind,
        ["Channel"] = m.Channel.ToString(),
        ["RecipientId"] = m.RecipientId,
        ["Subject"] = m.Subject,
        ["ToAddress"] = m.Email.ToAddress,
        ["ToName"] = m.Email.ToName,
        ["EmailSubject"] = m.Email.Subject,
        ["TextBody"] = m.Email.TextBody,
        ["HtmlBody"] = m.Email.HtmlBody,
        ["Attachments"] = m.Email.Attachments is { Count: > 0 } attachments ? System.Text.Json.JsonSerializer.Serialize(attachments) : null,
        ["Status"] = m.Status.ToString(),
        ["Attempts"] = m.Attempts,
        ["CreatedAt"] = m.CreatedAt,
        ["NextAttemptAt"] = m.NextAttemptAt,
        ["SentAt"] = m.SentAt,
        ["LastError"] = m.LastError,
        ["BatchKey"] = m.BatchKey,
        ["Substitutions"] = m.Substitutions is { Count: > 0 } substitutions ? System.Text.Json.JsonSerializer.Serialize(substitutions) : null,
        ["Payload"] = m.Payload,
    };

    private static OutboxMessage FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        IdempotencyKey = e.GetString("IdempotencyKey"),
        Kind = e.GetString("Kind"),
        Channel = Enum.Parse<NotificationChannel>(e.GetString("Channel")),
        RecipientId = e.GetString("RecipientId"),
        Subject = e.GetString("Subject"),
        Email = new EmailContent(e.GetString("ToAddress"), e.GetString("ToName"), e.GetString("EmailSubject"), e.GetString("TextBody"), e.GetString("HtmlBody"),
            e.GetString("Attachments") is { Length: > 0 } attachments ? System.Text.Json.JsonSerializer.Deserialize<List<EmailAttachment>>(attachments) : null),
        Status = Enum.Parse<OutboxStatus>(e.GetString("Status")),
        Attempts = e.GetInt32("Attempts") ?? 0,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        NextAttemptAt = e.GetDateTimeOffset("NextAttemptAt") ?? default,
        SentAt = e.GetDateTimeOffset("SentAt"),
        LastError = e.GetString("LastError"),
        BatchKey = e.GetString("BatchKey"),
        Substitutions = e.GetString("Substitutions") is { Length: > 0 } substitutions ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(substitutions) : null,
        Payload = e.GetString("Payload"),
        Version = e.ETag.ToString(),
    };
}
