using System.Security.Cryptography;
using System.Text;

using AvecSante.Infrastructure.Alerts;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Web;

/// <summary>The pages' shared layer: Razor component rendering, signing, form tokens, sessions, the stylesheet.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRazorComponents();
        // The link-signing secret when configured (required on Azure); locally without one, a key per process.
        services.AddSingleton(sp => new WebSigner(sp.GetRequiredService<IOptions<AlertsOptions>>().Value is { HasSigningKey: true } alerts
            ? Encoding.UTF8.GetBytes(alerts.LinkSigningKey!)
            : RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<WebSessions>();
        services.AddSingleton<WebAssetsHandler>();
        return services;
    }
}
