using System.Globalization;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// The queue trigger's behaviour as the Functions host reads it: host.json "extensions.queues" (and "functionTimeout"),
/// each overridable by the setting "AzureFunctionsJobHost:extensions:queues:{name}" as on Azure (<see cref="HostJson"/>).
/// Defaults are the host's.
/// </summary>
public sealed record QueueTriggerSettings(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, TimeSpan FunctionTimeout)
{
    public static QueueTriggerSettings Read(IConfiguration configuration, string contentRoot)
    {
        var host = new HostJson(configuration, contentRoot);
        return new QueueTriggerSettings(
            Int(host.Value("extensions.queues.batchSize"), 16),
            host.MaxDequeueCount,
            Time(host.Value("extensions.queues.visibilityTimeout"), TimeSpan.Zero),
            Time(host.Value("extensions.queues.maxPollingInterval"), TimeSpan.FromMinutes(1)),
            Time(host.Value("functionTimeout"), TimeSpan.FromMinutes(30)));
    }

    private static int Int(string? value, int fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Time(string? value, TimeSpan fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
