namespace AvecSante.Core.Documents;

/// <summary>
/// How useful an experience sheet is to a team facing a call on a theme. Three parts, each between 0 and 1, so the
/// order is easy to explain to the staff:
/// - focus: 1 when the theme is the sheet's only theme, 1/n when it is one of n (a sheet about tobacco beats a sheet
///   touching six subjects), counted twice;
/// - completeness: the share of the five method fields filled (contexte, déroulé, freins, leviers, transférabilité);
/// - freshness: 1 for this year's sheet, 0.1 less a year, 0 from ten years back (no year: 0).
/// Ties go to the most recently updated sheet.
/// </summary>
public static class DocumentRelevance
{
    public const int MethodFields = 5;

    public static double Score(DocumentSummary sheet, string theme, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (!sheet.Themes.Contains(theme))
        {
            return 0;
        }
        var focus = 1.0 / sheet.Themes.Count;
        var completeness = Math.Clamp(sheet.MethodFieldCount, 0, MethodFields) / (double)MethodFields;
        var freshness = sheet.Year is { } year ? Math.Clamp(1 - ((currentYear - year) / 10.0), 0, 1) : 0;
        return (2 * focus) + completeness + freshness;
    }

    public static IReadOnlyList<DocumentSummary> Rank(IEnumerable<DocumentSummary> sheets, string theme, int currentYear, int max) =>
        sheets.Where(s => s.Kind == DocumentKinds.ExperienceSheet && s.DeletedAt is null && s.Themes.Contains(theme))
            .Select(s => (Sheet: s, Score: Score(s, theme, currentYear)))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Sheet.UpdatedAt)
            .ThenBy(x => x.Sheet.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Sheet)
            .ToList();
}

/// <summary>The seam the alerts use: the few experience sheets worth reading when a call on a theme arrives.</summary>
public interface IExperienceSheetFinder
{
    public const int DefaultMax = 3;

    /// <summary>Up to <paramref name="max"/> sheets of the theme, most relevant first (see <see cref="DocumentRelevance"/>).</summary>
    Task<IReadOnlyList<DocumentSummary>> FindForThemeAsync(string theme, int max, CancellationToken cancellationToken);
}

/// <summary>Reads the theme's index partition (one query) and ranks what it holds.</summary>
public sealed class ExperienceSheetFinder(IDocumentRepository documents, TimeProvider clock) : IExperienceSheetFinder
{
    public async Task<IReadOnlyList<DocumentSummary>> FindForThemeAsync(string theme, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(theme);
        if (max <= 0 || !Common.Themes.IsKnown(theme))
        {
            return [];
        }
        var sheets = await documents.ListAsync(new DocumentFilter { Theme = theme, Kind = DocumentKinds.ExperienceSheet }, cancellationToken).ConfigureAwait(false);
        return DocumentRelevance.Rank(sheets, theme, Common.ParisTime.Today(clock).Year, max);
    }
}
