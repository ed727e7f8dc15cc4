using AvecSante.Api.Jobs;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Calls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Calls;

/// <summary>
/// Calls for projects: sources from settings, read politely; ingestion and its health; submission and review by staff.
/// Called once from AddAvecSante.
/// </summary>
public static class CallsRegistration
{
    public static void AddCalls(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallsOptions>().Bind(configuration.GetSection(CallsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallsOptions>>(new CallsOptionsValidator(configuration.GetSection(CallsOptions.Section)));
        // One long-lived client for the sources, connecting to public addresses only (checked at connect time).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PoliteHttp>(sp, new HttpClient(
            SourceConnections.CreateHandler(sp.GetRequiredService<IOptions<CallsOptions>>().Value))));
        services.AddSingleton<ICallSourceCatalog, ConfiguredCallSources>();
        // Microsoft Graph: the mailbox source's client, which the alert channels share.
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton(sp => new TenantGraph(sp.GetRequiredService<IOptions<GraphOptions>>(), new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })));
        services.AddSingleton<ISourceRunStore, TableSourceRunStore>();
        services.AddSingleton<ICallEventLog, TableCallEventLog>();
        services.AddSingleton<CallIngestionService>();
        services.AddSingleton<CallIngestionHandlers>();
        services.AddSingleton<IngestCallsJob>();
        services.AddSingleton<CallSubmissionService>();
        services.AddSingleton<CallReviewService>();
        services.AddSingleton<CallChangeService>();
        services.AddSingleton<CallsHandlers>();
        services.AddSingleton<CallChangesHandlers>();
    }
}
