using System.Globalization;
using System.Text.Json;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// The queue trigger's behaviour as the Functions host reads it: host.json "extensions.queues" (and "functionTimeout"),
/// each overridable by the setting "AzureFunctionsJobHost:extensions:queues:{name}" as on Azure. Defaults are the host's.
/// </summary>
public sealed record QueueTriggerSettings(int BatchSize, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, TimeSpan FunctionTimeout)
{
    public const string OverridePrefix = "AzureFunctionsJobHost";

    public static QueueTriggerSettings Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = HostJson(contentRoot);
        string? Value(string path) =>
            configuration[$"{OverridePrefix}:{path.Replace('.', ':')}"] ?? file?.GetValueOrDefault(path);
        return new QueueTriggerSettings(
            Int(Value("extensions.queues.batchSize"), 16),
            Int(Value("extensions.queues.maxDequeueCount"), 5),
            Time(Value("extensions.queues.visibilityTimeout"), TimeSpan.Zero),
            Time(Value("extensions.queues.maxPollingInterval"), TimeSpan.FromMinutes(1)),
            Time(Value("functionTimeout"), TimeSpan.FromMinutes(30)));
    }

    /// <summary>host.json's scalar values by dotted path, from the first host.json above the content root (the repository's).</summary>
    private static Dictionary<string, string>? HostJson(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "host.json");
            if (File.Exists(path))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                Flatten(document.RootElement, string.Empty, values);
                return values;
            }
        }
        return null;
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string> values)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
            }
            return;
        }
        values[path] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }

    private static int Int(string? value, int fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Time(string? value, TimeSpan fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
