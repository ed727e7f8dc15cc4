using AvecSante.Core.Common;
namespace AvecSante.Core.Documents;

/// <summary>
/// What a staff member says about a document, as sent in the <c>metadata</c> part of an upload. Everything is optional
/// here; <see cref="DocumentMetadataValidator"/> says in French what is missing or wrong.
/// </summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }

    /// <summary>fiche-capitalisation, projet-de-sante, compte-rendu or autre.</summary>
    public string? Kind { get; init; }

    /// <summary>The team the document comes from, as people write it (« MSP des Trois-Rivières »).</summary>
    public string? Structure { get; init; }

    public IReadOnlyList<string>? Themes { get; init; }

    public int? Year { get; init; }

    public string? Department { get; init; }

    public string? Summary { get; init; }

    // The fields of the CAPS method, for experience sheets only.

    /// <summary>Contexte.</summary>
    public string? Context { get; init; }

    /// <summary>Déroulé (the story of the project).</summary>
    public string? Story { get; init; }

    /// <summary>Freins.</summary>
    public string? Obstacles { get; init; }

    /// <summary>Leviers.</summary>
    public string? Levers { get; init; }

    /// <summary>Transférabilité (what would work elsewhere).</summary>
    public string? Transferability { get; init; }
}

/// <summary>Validated, trimmed metadata: what the library stores and indexes.</summary>
public sealed record DocumentDescription
{
    public required string Title { get; init; }

    public required string Kind { get; init; }

    public string? Structure { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public int? Year { get; init; }

    public string? Department { get; init; }

    public string? Summary { get; init; }

    public string? Context { get; init; }

    public string? Story { get; init; }

    public string? Obstacles { get; init; }

    public string? Levers { get; init; }

    public string? Transferability { get; init; }

    /// <summary>How many of the five method fields are filled (0 to 5): a complete sheet is more useful to another team.</summary>
    public int MethodFieldCount =>
        new[] { Context, Story, Obstacles, Levers, Transferability }.Count(f => !string.IsNullOrWhiteSpace(f));

    /// <summary>The folded text the q filter searches: title, summary, freins and leviers.</summary>
    public string SearchableText => TextFolding.Fold(string.Join(' ', Title, Summary, Obstacles, Levers));
}
