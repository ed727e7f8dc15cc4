using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Members.Import;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace AvecSante.IntegrationTests.Members;

/// <summary>Reads every row of every table and every blob of one test's storage prefix, to prove what is (not) there.</summary>
public static class MemberStorageScan
{
    /// <summary>Where <paramref name="needle"/> still appears: "table Name/PartitionKey/RowKey" or "blob container/name".</summary>
    public static async Task<List<string>> FindAsync(string prefix, string needle)
    {
        var found = new List<string>();
        var tables = new TableServiceClient(Azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0))
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (entity.Any(p => p.Value is string s && s.Contains(needle, StringComparison.OrdinalIgnoreCase))
                    || entity.PartitionKey.Contains(needle, StringComparison.OrdinalIgnoreCase) || entity.RowKey.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"table {table.Name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }
        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                if (Encoding.UTF8.GetString(bytes).Contains(needle, StringComparison.OrdinalIgnoreCase)
                    || CsvText.Windows1252.GetString(bytes).Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"blob {container.Name}/{blob.Name}");
                }
            }
        }
        return found;
    }

    /// <summary>Every row of the member tables with its ETag, to show that a second import wrote nothing.</summary>
    public static async Task<SortedDictionary<string, string>> VersionsAsync(string prefix)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = new TableServiceClient(Azurite.ConnectionString);
        foreach (var name in new[] { "MemberStructures", "People", "Cotisations" })
        {
            await foreach (var e in tables.GetTableClient(prefix + name).QueryAsync<TableEntity>())
            {
                versions[$"{name}/{e.PartitionKey}/{e.RowKey}"] = e.ETag.ToString();
            }
        }
        return versions;
    }
}
