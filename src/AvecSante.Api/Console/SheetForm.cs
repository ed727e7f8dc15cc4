using System.Globalization;

using AvecSante.Core.Documents;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// The upload form of the console read into the library's own DocumentMetadata: the page carries the values, the rules
/// stay in DocumentMetadataValidator. Field names are the metadata's JSON names, so its errors land on the right field.
/// </summary>
public static class SheetForm
{
    public static DocumentMetadata Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new DocumentMetadata
        {
            Title = ConsoleForms.Value(form, "title"),
            Kind = ConsoleForms.Value(form, "kind"),
            Structure = ConsoleForms.Value(form, "structure"),
            Themes = form["themes"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList(),
            // A year that does not read as a number is kept out of range, so the validator names the field.
            Year = ConsoleForms.Value(form, "year") is { } y ? (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0) : null,
            Department = ConsoleForms.Value(form, "department"),
            Summary = ConsoleForms.Value(form, "summary"),
            Context = ConsoleForms.Value(form, "context"),
            Story = ConsoleForms.Value(form, "story"),
            Obstacles = ConsoleForms.Value(form, "obstacles"),
            Levers = ConsoleForms.Value(form, "levers"),
            Transferability = ConsoleForms.Value(form, "transferability"),
        };
    }

    /// <summary>The five fields of the CAPS method, in the order of a sheet, with their labels and hints.</summary>
    public static IReadOnlyList<(string Field, string Label, string Hint)> MethodFields { get; } =
    [
        ("context", "Contexte", "le territoire, l'équipe, le besoin de départ"),
        ("story", "Déroulé", "les étapes du projet, qui a fait quoi"),
        ("obstacles", "Freins", "ce qui a ralenti ou bloqué"),
        ("levers", "Leviers", "ce qui a aidé"),
        ("transferability", "Transférabilité", "ce qu'une autre équipe peut reprendre"),
    ];

    public static string? MethodValue(DocumentMetadata metadata, string field)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return field switch
        {
            "context" => metadata.Context,
            "story" => metadata.Story,
            "obstacles" => metadata.Obstacles,
            "levers" => metadata.Levers,
            _ => metadata.Transferability,
        };
    }

    public static string? MethodValue(DocumentDescription description, string field)
    {
        ArgumentNullException.ThrowIfNull(description);
        return field switch
        {
            "context" => description.Context,
            "story" => description.Story,
            "obstacles" => description.Obstacles,
            "levers" => description.Levers,
            _ => description.Transferability,
        };
    }

    public static string Size(long bytes) =>
        bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} Ko" : (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";
}
