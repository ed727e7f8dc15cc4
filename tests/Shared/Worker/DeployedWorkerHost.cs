extern alias functionsapp;

using functionsapp::AvecSante.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AvecSante.Tests.Shared.Worker;

/// <summary>
/// The Functions app's own host (WorkerHost, the composition Program runs) built with the app settings infra/main.bicep
/// deploys, DI validation on, and never started: starting needs the Functions host's gRPC channel, which only Azure has.
/// </summary>
internal static class DeployedWorkerHost
{
    /// <summary>What the deployment's resource references become here (a parseable Application Insights connection).</summary>
    private static readonly Dictionary<string, string?> ResourceValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
    };

    /// <param name="overrides">Settings that replace the deployed ones (storage on Azurite, say).</param>
    /// <param name="testServices">Registrations added last, so they win (a test clock).</param>
    public static IHost Build(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? testServices = null)
    {
        var settings = DeployedAppSettings.Read();
        foreach (var (key, value) in ResourceValues.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }
        // Settings reach the worker as command-line configuration, the last source its builder reads: nothing on this
        // machine (environment, a local.settings.json) can override them.
        var args = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var builder = WorkerHost.CreateBuilder(args);
        testServices?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}
