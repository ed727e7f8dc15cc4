using System.Text;
using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>Section "Alerts": links in emails, which addresses are the tenant's, the shared mailbox, the Teams webhook.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Where the public routes (preferences, unsubscribe) are reached from a mail client.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>HMAC key of the links in emails (32+ characters; a secret). Empty: a key per process, local only.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>Days a preferences link keeps working (it acts for the person: short, and revocable).</summary>
    public int LinkValidityDays { get; set; } = 30;

    /// <summary>Days a one-click unsubscribe link keeps working (it only stops alerts; older emails must keep it working).</summary>
    public int UnsubscribeLinkValidityDays { get; set; } = 180;

    /// <summary>Comma-separated domains of the federation's tenant: these addresses are mailed through Graph.</summary>
    public string TenantDomains { get; set; } = string.Empty;

    /// <summary>The shared mailbox Graph sends from and whose calendar holds the deadlines (e.g. alertes@…).</summary>
    public string? SharedMailbox { get; set; }

    public AlertsTeamsOptions Teams { get; set; } = new();

    public IReadOnlyList<string> TenantDomainList =>
        TenantDomains.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool HasSigningKey => !string.IsNullOrWhiteSpace(LinkSigningKey);

    public LinkSettings ToLinkSettings(byte[] fallbackKey) => new(
        HasSigningKey ? Encoding.UTF8.GetBytes(LinkSigningKey!) : fallbackKey,
        PublicBaseUrl.ToString().EndsWith('/') ? PublicBaseUrl : new Uri(PublicBaseUrl + "/"),
        TimeSpan.FromDays(LinkValidityDays),
        TimeSpan.FromDays(Math.Max(LinkValidityDays, UnsubscribeLinkValidityDays)));
}

public sealed class AlertsTeamsOptions
{
    /// <summary>The Workflows "post to a channel when a webhook request is received" URL (a secret). Empty: JSON files locally.</summary>
    public Uri? WebhookUrl { get; set; }
}

public sealed class AlertsOptionsValidator(IOptions<EmailOptions> email) : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.PublicBaseUrl.IsAbsoluteUri)
        {
            failures.Add("Setting 'Alerts:PublicBaseUrl' must be an absolute URL (where the preferences page is reached).");
        }
        if (options.HasSigningKey && options.LinkSigningKey!.Length < 32)
        {
            failures.Add("Setting 'Alerts:LinkSigningKey' must hold at least 32 characters.");
        }
        // Real mail with links signed by a key that dies with the process would send links that stop working.
        if (!options.HasSigningKey && email.Value.SendGrid.IsConfigured)
        {
            failures.Add("Setting 'Alerts:LinkSigningKey' is required when 'Email:SendGrid:ApiKey' is set.");
        }
        if (options.LinkValidityDays is < 1 or > 90)
        {
            failures.Add("Setting 'Alerts:LinkValidityDays' must be between 1 and 90.");
        }
        if (options.UnsubscribeLinkValidityDays is < 1 or > 400)
        {
            failures.Add("Setting 'Alerts:UnsubscribeLinkValidityDays' must be between 1 and 400.");
        }
        if (options.Teams.WebhookUrl is { } webhook && (!webhook.IsAbsoluteUri || webhook.Scheme is not ("https" or "http")))
        {
            failures.Add("Setting 'Alerts:Teams:WebhookUrl' must be an absolute http(s) URL, or empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
