namespace AvecSante.Infrastructure.Alerts;

public sealed class SendGridOptions
{
    public string? ApiKey { get; set; }

    /// <summary>https://api.sendgrid.com, or the EU data-residency host https://api.eu.sendgrid.com.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
