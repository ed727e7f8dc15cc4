using AvecSante.Api.Composition;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.Functions;

/// <summary>
/// The worker's composition. The ASP.NET Core integration hands the shared handlers an HttpRequest and executes their
/// IResult, so the functions stay one-line bindings; everything else comes from the composition root both hosts share.
/// </summary>
public static class WorkerHost
{
    /// <summary>The Functions host's own request limit (100 MB): nothing larger ever reaches the worker.</summary>
    public const long HostRequestLimitBytes = 100L * 1024 * 1024;

    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddAvecSante(builder.Configuration);
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        // The worker's own Kestrel would stop bodies at 30 MB with an empty 413 before the handlers' settings
        // (Documents:MaxUploadBytes, Members:ImportMaxBytes, Ticketing:MaxBodyBytes) answer: raise it to the host's
        // limit and let each handler answer its own 413 problem.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = HostRequestLimitBytes);
        return builder;
    }
}
