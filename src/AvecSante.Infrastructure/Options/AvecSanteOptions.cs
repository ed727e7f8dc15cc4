namespace AvecSante.Infrastructure.Options;

/// <summary>Section "Federation": which federation this deployment serves (part of every partition key).</summary>
public sealed class FederationOptions
{
    public const string Section = "Federation";

    public string Id { get; set; } = "bretagne";

    public string Name { get; set; } = "AVECsanté Bretagne";
}

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

/// <summary>Section "Email": the sender, and where mail goes (SendGrid when a key is set, the local outbox otherwise).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "AVECsanté Bretagne";

    /// <summary>Folder for .eml files when SendGrid is not configured; relative paths start at the working directory.</summary>
    public string LocalOutboxPath { get; set; } = ".local/outbox";

    public SendGridOptions SendGrid { get; set; } = new();
}

public sealed class SendGridOptions
{
    public string? ApiKey { get; set; }

    /// <summary>https://api.sendgrid.com, or the EU data-residency host https://api.eu.sendgrid.com.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
