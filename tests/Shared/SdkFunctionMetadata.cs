using System.Reflection;
using System.Text.Json;

namespace AvecSante.Tests.Shared;

/// <summary>
/// A function as the Worker SDK describes it to the Functions host (functions.metadata, or the source-generated
/// metadata provider): its name, entry point and trigger, with the trigger's route, methods, level and schedule.
/// </summary>
internal sealed record SdkFunction(string Name, string EntryPoint, string Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule, string? QueueName = null, string? Connection = null)
{
    /// <summary>Reads the bindings as the SDK writes them; the trigger is the one inbound binding whose type ends in "Trigger".</summary>
    public static SdkFunction FromBindings(string name, string entryPoint, IEnumerable<JsonElement> bindings)
    {
        var triggers = bindings
            .Where(b => Text(b, "type") is { } type && type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Text(b, "direction"), "In", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidDataException($"{name}: {triggers.Count} trigger bindings in the SDK metadata, expected one.");
        }
        var trigger = triggers[0];
        var methods = trigger.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(v => v.GetString()!.ToUpperInvariant()).ToList()
            : [];
        return new SdkFunction(name, entryPoint, Text(trigger, "type")!, Text(trigger, "route"), methods, Text(trigger, "authLevel"), Text(trigger, "schedule"),
            Text(trigger, "queueName"), Text(trigger, "connection"));
    }

    public bool IsHttp => string.Equals(Trigger, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsTimer => string.Equals(Trigger, "timerTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsQueue => string.Equals(Trigger, "queueTrigger", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string property)
    {
        // The SDK writes camelCase names; accept any casing, as the host does.
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString();
            }
        }
        return null;
    }
}

/// <summary>The functions.metadata the SDK wrote when it built src/AvecSante.Functions in this test run's configuration.</summary>
internal static class FunctionsMetadataFile
{
    public static string OutputFolder
    {
        get
        {
            var configuration = typeof(FunctionsMetadataFile).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return RepositoryRoot.Combine("src", "AvecSante.Functions", "bin", configuration, "net10.0");
        }
    }

    public static IReadOnlyList<SdkFunction> Read() => Read(Path.Combine(OutputFolder, "functions.metadata"));

    public static IReadOnlyList<SdkFunction> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: build src/AvecSante.Functions (the solution build does) before these tests.", path);
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => SdkFunction.FromBindings(
                f.GetProperty("name").GetString()!,
                f.GetProperty("entryPoint").GetString()!,
                f.GetProperty("bindings").EnumerateArray()))
            .ToList();
    }
}
