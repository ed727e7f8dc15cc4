namespace AvecSante.Api.Console;

/// <summary>
/// Section "Console": the Entra ID app registration whose tokens App Service Authentication passes on. Empty tenant or
/// client id: no production sign-in, and every console page is refused (the LocalHost adds its development sign-in).
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The federation's Microsoft 365 tenant (directory) id.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of the console's app registration: the audience of its tokens.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app role a person must hold to enter.</summary>
    public string StaffRole { get; set; } = "Staff";

    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    public bool HasEntraId => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public Uri MetadataAddress => new(Instance, $"{TenantId}/v2.0/.well-known/openid-configuration");
}
