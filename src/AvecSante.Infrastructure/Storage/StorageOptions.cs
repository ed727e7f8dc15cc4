namespace AvecSante.Infrastructure.Storage;

/// <summary>Section "Storage": a connection string locally (Azurite), service URIs with a managed identity on Azure.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prefix of every table and container name; lets tests and several deployments share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
