namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Section "Graph": the federation's Office 365 tenant. An app registration with application permissions limited to
/// the shared mailbox (an application access policy); a client secret locally, the managed identity on Azure.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: Key Vault reference on Azure. Empty with a TenantId means "use the managed identity".</summary>
    public string? ClientSecret { get; set; }

    /// <summary>https://graph.microsoft.com/v1.0; tests point it at a local server.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId);
}
