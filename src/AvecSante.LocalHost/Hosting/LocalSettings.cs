using System.Text.Json;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// Reads settings as the Functions tooling does: the "Values" of local.settings.json (found at the repository root),
/// then environment variables (Section__Key) on top, so one settings file serves both hosts.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Environment.GetEnvironmentVariable("AVECSANTE_SETTINGS_FILE") ?? Find(contentRoot) ?? Find(Directory.GetCurrentDirectory());
        if (path is not null)
        {
            configuration.AddInMemoryCollection(ReadValues(path));
        }
        // Environment variables and the command line win over the file, as they do for the Functions host.
        configuration.AddEnvironmentVariables();
        return configuration;
    }

    public static Dictionary<string, string?> ReadValues(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var setting in section.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Value.ValueKind == JsonValueKind.String
                    ? setting.Value.GetString()
                    : setting.Value.GetRawText();
            }
        }
        return values;
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            if (File.Exists(Path.Combine(dir.FullName, "AvecSante.Functions.sln")))
            {
                return null; // the repository root has no settings file: defaults and environment only
            }
        }
        return null;
    }
}
