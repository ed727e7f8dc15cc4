using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Builds the one GraphServiceClient of the process: the official SDK, its base URL from settings, tokens from the
/// app registration (client secret) or the managed identity. The token is only ever sent to the configured host.
/// </summary>
public sealed class TenantGraph
{
    private readonly Lazy<GraphServiceClient> _client;

    public TenantGraph(IOptions<GraphOptions> options, HttpClient http, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new(() => Create(options.Value, http, credential));
    }

    public GraphServiceClient Client => _client.Value;

    public static GraphServiceClient Create(GraphOptions options, HttpClient http, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        credential ??= string.IsNullOrWhiteSpace(options.ClientSecret)
            ? new DefaultAzureCredential()
            : new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        var authentication = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [options.BaseUrl.Host],
            scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(http, authentication, options.BaseUrl.ToString().TrimEnd('/'));
    }
}
