using System.Globalization;
using System.Text.Json;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Reports;

/// <summary>
/// Reports: table "Reports" holds one record per year (PartitionKey "{federation}~annual", RowKey "yyyy", written under
/// its ETag) and the scheduled run's claims ("{federation}~claims", RowKey "yyyy", AddEntity: 409 = done already); the
/// files are blobs "reports/{federation}/{yyyy}/{file}", their SHA-256 recorded on the record and on the blob's metadata.
/// </summary>
public sealed class TableAnnualReportArchive(TableStore tables, BlobStore blobs, IOptions<FederationOptions> federation) : IAnnualReportArchive
{
    public const string TableName = "Reports";
    public const string Container = "reports";

    private string RecordPartition => federation.Value.Id + "~annual";

    private string ClaimPartition => federation.Value.Id + "~claims";

    private static string Row(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public async Task<AnnualReportRecord?> GetAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(RecordPartition, Row(year), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<AnnualReportRecord?> TrySaveAsync(AnnualReportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(record);
        try
        {
            var response = record.Version is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(record.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return record with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex) || TableStore.IsPreconditionFailed(ex))
        {
            return null;
        }
    }

    public async Task<ReportFile> StoreFileAsync(int year, string format, string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var container = await blobs.GetContainerAsync(Container, cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(BlobName(year, fileName));
        using var stream = new MemoryStream(content, writable: false);
        await blob.UploadAsync(stream, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = sha256 },
        }, cancellationToken).ConfigureAwait(false);
        return new ReportFile(format, fileName, contentType, content.LongLength, sha256);
    }

    public async Task<Stream?> OpenFileAsync(int year, string fileName, CancellationToken cancellationToken)
    {
        var container = await blobs.GetContainerAsync(Container, cancellationToken).ConfigureAwait(false);
        try
        {
            return await container.GetBlobClient(BlobName(year, fileName)).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> TryClaimScheduledAsync(int year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(ClaimPartition, Row(year)) { ["ClaimedAt"] = now }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task ReleaseScheduledClaimAsync(int year, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(ClaimPartition, Row(year), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private string BlobName(int year, string fileName) => $"{federation.Value.Id}/{Row(year)}/{fileName}";

    private TableEntity ToEntity(AnnualReportRecord r) => new(RecordPartition, Row(r.Year))
    {
        ["Status"] = r.Status.ToString(),
        ["Trigger"] = r.Trigger,
        ["StartedAt"] = r.StartedAt,
        ["CompletedAt"] = r.CompletedAt,
        ["Files"] = JsonSerializer.Serialize(r.Files),
        ["Error"] = r.Error,
        ["Seconds"] = r.Seconds,
        ["RequestId"] = r.RequestId,
    };

    private static AnnualReportRecord FromEntity(TableEntity e) => new()
    {
        Year = int.Parse(e.RowKey, CultureInfo.InvariantCulture),
        Status = Enum.Parse<ReportRunStatus>(e.GetString("Status")),
        Trigger = e.GetString("Trigger") ?? "manual",
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? default,
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
        Files = e.GetString("Files") is { Length: > 0 } files ? JsonSerializer.Deserialize<List<ReportFile>>(files) ?? [] : [],
        Error = e.GetString("Error"),
        Seconds = e.GetDouble("Seconds"),
        RequestId = e.GetString("RequestId"),
        Version = e.ETag.ToString(),
    };
}
