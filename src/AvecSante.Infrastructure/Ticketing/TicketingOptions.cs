using System.Net;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>Section "Ticketing": how ticketing deliveries are authenticated.</summary>
public sealed class TicketingOptions
{
    public const string Section = "Ticketing";

    /// <summary>Largest body accepted (bytes); a HelloAsso order is a few kilobytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public HelloAssoOptions HelloAsso { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();
}

public sealed class HelloAssoOptions
{
    /// <summary>Secret expected as ?secret= on the notification URL. Empty: the HelloAsso route refuses everything.</summary>
    public string? UrlSecret { get; set; }

    /// <summary>Partner mode only: the key of x-ha-signature (HMAC-SHA256 of the raw body). Empty: not checked.</summary>
    public string? SignatureKey { get; set; }

    /// <summary>Comma-separated addresses or CIDR ranges HelloAsso sends from. Empty: any source.</summary>
    public string? AllowedSourceIps { get; set; }

    /// <summary>Header carrying the client address behind a front end (e.g. X-Forwarded-For; its last entry is used). Empty: the connection's address.</summary>
    public string? ClientIpHeader { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(UrlSecret);

    /// <summary>HelloAsso API v5, for the daily reconciliation and the re-read of Order notifications. Without credentials neither happens.</summary>
    public HelloAssoApiOptions Api { get; set; } = new();

    public IReadOnlyList<IPNetwork> AllowedNetworks() =>
        (AllowedSourceIps ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(entry) : new IPNetwork(IPAddress.Parse(entry), IPAddress.Parse(entry).GetAddressBytes().Length * 8))
            .ToList();
}

public sealed class HelloAssoApiOptions
{
    /// <summary>https://api.helloasso.com (sandbox: https://api.helloasso-sandbox.com); tests point it at WireMock.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.helloasso.com");

    public string? ClientId { get; set; }

    /// <summary>A secret (Key Vault reference on Azure).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The association's slug on HelloAsso (the {organizationSlug} of the API paths).</summary>
    public string? OrganizationSlug { get; set; }

    /// <summary>The form type of the event forms (HelloAsso path segment): Event for ticketing.</summary>
    public string FormType { get; set; } = "Event";

    /// <summary>Events ended longer ago than this are no longer reconciled.</summary>
    public int ReconcileDaysAfterEvent { get; set; } = 30;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(OrganizationSlug);
}

public sealed class WebhookOptions
{
    /// <summary>Key of X-AvecSante-Signature (HMAC-SHA256 of "{timestamp}.{body}"). Empty: the generic route refuses everything.</summary>
    public string? SigningKey { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);
}

/// <summary>Start-up checks, naming the setting as local.settings.json writes it.</summary>
public sealed class TicketingOptionsValidator : IValidateOptions<TicketingOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, TicketingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HelloAsso.IsConfigured && options.HelloAsso.UrlSecret!.Length < MinSecretLength)
        {
            failures.Add($"Setting 'Ticketing:HelloAsso:UrlSecret' must be at least {MinSecretLength} characters (or empty to refuse HelloAsso notifications).");
        }
        if (!string.IsNullOrWhiteSpace(options.HelloAsso.SignatureKey) && options.HelloAsso.SignatureKey.Length < MinSecretLength)
        {
            failures.Add($"Setting 'Ticketing:HelloAsso:SignatureKey' must be at least {MinSecretLength} characters, or empty.");
        }
        if (options.Webhook.IsConfigured && options.Webhook.SigningKey!.Length < MinSecretLength)
        {
            failures.Add($"Setting 'Ticketing:Webhook:SigningKey' must be at least {MinSecretLength} characters (or empty to refuse generic submissions).");
        }
        try
        {
            options.HelloAsso.AllowedNetworks();
        }
        catch (FormatException)
        {
            failures.Add("Setting 'Ticketing:HelloAsso:AllowedSourceIps' must be a comma-separated list of IP addresses or CIDR ranges.");
        }
        var api = options.HelloAsso.Api;
        if (!api.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("Setting 'Ticketing:HelloAsso:Api:BaseUrl' must be an absolute URL.");
        }
        var apiParts = new[] { api.ClientId, api.ClientSecret, api.OrganizationSlug }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (apiParts is > 0 and < 3)
        {
            failures.Add("Settings 'Ticketing:HelloAsso:Api:ClientId', 'ClientSecret' and 'OrganizationSlug' go together: set all three or none.");
        }
        if (options.MaxBodyBytes is < 1024 or > 10 * 1024 * 1024)
        {
            failures.Add("Setting 'Ticketing:MaxBodyBytes' must be between 1024 and 10485760.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
