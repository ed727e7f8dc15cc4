using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AvecSante.Api.Console;

/// <summary>The staff console: sign-in (Entra ID tokens checked against the tenant's keys), the gate, the pages.</summary>
public static class ConsoleRegistration
{
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsoleOptions>>().Value);
        // The tenant's signing keys, fetched over HTTPS and refreshed by the manager (daily, or when a key is unknown).
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp => new ConfigurationManager<OpenIdConnectConfiguration>(
            sp.GetRequiredService<ConsoleOptions>().MetadataAddress.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = true }));
        services.AddSingleton<EntraTokenValidator>();
        services.AddSingleton<StaffAuthentication>();
        services.AddSingleton<ConsoleGate>();
        services.AddSingleton<ConsoleSignInHandlers>();
        services.AddSingleton<ConsoleTodayHandler>();
        services.AddSingleton<ConsoleCallsHandlers>();
        services.AddSingleton<ConsoleCallChangesHandlers>();
        services.AddSingleton<CallPages>();
        services.AddSingleton<ConsoleReportHandlers>();
        services.AddSingleton<ConsoleMembersHandlers>();
        services.AddSingleton<ConsoleMemberFileHandlers>();
        services.AddSingleton<ConsolePeopleHandlers>();
        services.AddSingleton<ConsoleLibraryHandlers>();
        services.AddSingleton<ConsoleSendsHandlers>();
        services.AddSingleton<ConsolePoisonedWorkHandlers>();
        services.AddSingleton<ConsoleSourcesHandlers>();
        services.AddSingleton<ConsoleEventsHandlers>();
        return services;
    }
}
