using AvecSante.Core.Common;

namespace AvecSante.Core.Documents;

/// <summary>
/// Accent- and case-insensitive search: text is folded once when stored (TextFolding) (« Activité Physique » → "activite physique")
/// and the query is folded the same way, so "tabac", "Tabac" and "TABAC" find « tabac », and "freins" finds « Freins ».
/// </summary>
public static class SearchText
{
    /// <summary>The folded words of a query (empty when there is nothing to look for).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when every word of the query occurs in the folded text (as a word or the start of one).</summary>
    public static bool Matches(string foldedText, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(foldedText);
        ArgumentNullException.ThrowIfNull(terms);
        var padded = " " + foldedText;
        return terms.All(t => padded.Contains(" " + t, StringComparison.Ordinal));
    }
}
