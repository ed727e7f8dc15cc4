using System.Globalization;

namespace AvecSante.Infrastructure.Calls;

/// <summary>What a source run shows staff besides its figures (French).</summary>
internal static class SourceWarnings
{
    public static string? LinksElsewhere(int count) => count switch
    {
        0 => null,
        1 => "1 lien vers un autre site n'a pas été suivi (ajoutez son hôte à AllowedHosts s'il est sûr).",
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} liens vers d'autres sites n'ont pas été suivis (ajoutez leur hôte à AllowedHosts s'ils sont sûrs)."),
    };
}
