using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AvecSante.Infrastructure.Storage;

/// <summary>
/// The Functions host's settings file, read as that host reads it: host.json's scalar values by dotted path, each
/// overridable by the app setting "AzureFunctionsJobHost:{path}" (AzureFunctionsJobHost__… on Azure). The file is the
/// first host.json at or above a folder: the app's own folder on Azure, the repository's locally.
/// </summary>
public sealed class HostJson
{
    public const string OverridePrefix = "AzureFunctionsJobHost";

    /// <summary>The host's maxDequeueCount when host.json says nothing.</summary>
    public const int DefaultMaxDequeueCount = 5;

    private readonly IConfiguration _configuration;
    private readonly Dictionary<string, string>? _file;

    public HostJson(IConfiguration configuration, string start)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        _file = Find(start);
    }

    /// <summary>The value at a dotted path ("extensions.queues.batchSize"), the override first; null when neither says.</summary>
    public string? Value(string path) =>
        _configuration[$"{OverridePrefix}:{path.Replace('.', ':')}"] ?? _file?.GetValueOrDefault(path);

    /// <summary>How many times a queue trigger is given a message before the host moves it to the poison queue.</summary>
    public int MaxDequeueCount => Value("extensions.queues.maxDequeueCount") is { Length: > 0 } text
        ? int.Parse(text, CultureInfo.InvariantCulture)
        : DefaultMaxDequeueCount;

    private static Dictionary<string, string>? Find(string start)
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
}
