using System.Text.Json;

namespace AvecSante.Infrastructure.Storage;

/// <summary>Lists are stored as small JSON arrays in a string column (Tables has no list type).</summary>
internal static class Json
{
    public static string List(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
