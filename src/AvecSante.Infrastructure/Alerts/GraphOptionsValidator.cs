using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>Start-up checks of the "Graph" section: a half-configured tenant stops the host with the missing setting's name.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        // A tenant without a secret is read with the app's managed identity, which needs no client id.
        if (!string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Setting 'Graph:ClientId' is required when 'Graph:ClientSecret' is set (the app registration's client id).");
        }
        if (!options.IsConfigured && !string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Setting 'Graph:TenantId' is required when 'Graph:ClientSecret' is set.");
        }
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("Setting 'Graph:BaseUrl' must be an absolute URL.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
