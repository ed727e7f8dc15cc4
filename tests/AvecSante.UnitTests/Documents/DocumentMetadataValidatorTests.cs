using AvecSante.Core.Documents;

namespace AvecSante.UnitTests.Documents;

public sealed class DocumentMetadataValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static DocumentMetadata Sheet() => new()
    {
        Title = "Atelier « Souffle libre »",
        Kind = "fiche-capitalisation",
        Structure = "MSP des Trois-Rivières",
        Themes = ["addictions"],
        Year = 2025,
        Department = "29",
        Summary = "Six séances collectives.",
        Obstacles = "Temps de coordination non financé.",
        Levers = "Séances en fin de journée.",
    };

    private static IReadOnlyDictionary<string, string[]> Errors(DocumentMetadata metadata) =>
        DocumentMetadataValidator.Validate(metadata, Now).Errors!.ToDictionary();

    [Fact]
    public void A_complete_sheet_is_accepted_trimmed_and_normalised()
    {
        var result = DocumentMetadataValidator.Validate(Sheet() with { Title = "  Atelier  ", Kind = "Fiche-Capitalisation", Themes = ["Addictions", "addictions"] }, Now);

        var description = Assert.IsType<DocumentDescription>(result.Value);
        Assert.Equal("Atelier", description.Title);
        Assert.Equal(DocumentKinds.ExperienceSheet, description.Kind);
        Assert.Equal(["addictions"], description.Themes);
        Assert.Equal(2, description.MethodFieldCount);
    }

    [Fact]
    public void A_missing_title_is_refused_naming_the_title_field_in_French()
    {
        var errors = Errors(Sheet() with { Title = " " });

        Assert.Equal(["title"], errors.Keys);
        Assert.Equal("Le titre est obligatoire.", errors["title"][0]);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var errors = Errors(new DocumentMetadata { Kind = "poeme", Themes = ["astrologie"], Year = 1800, Department = "75" });

        Assert.Equal(["department", "kind", "themes", "title", "year"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("département inconnu", errors["department"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_needs_at_least_one_theme()
    {
        var errors = Errors(Sheet() with { Themes = [] });

        Assert.Equal(["themes"], errors.Keys);
    }

    [Fact]
    public void Another_kind_of_document_may_have_no_theme()
    {
        var result = DocumentMetadataValidator.Validate(new DocumentMetadata { Title = "Compte rendu du CA", Kind = "compte-rendu" }, Now);

        Assert.NotNull(result.Value);
    }

    [Fact]
    public void The_method_fields_are_refused_on_documents_that_are_not_sheets()
    {
        var errors = Errors(new DocumentMetadata { Title = "Projet de santé 2026", Kind = "projet-de-sante", Levers = "Une équipe soudée." });

        Assert.Equal(["levers"], errors.Keys);
    }

    [Fact]
    public void Too_long_a_summary_is_refused_with_its_limit()
    {
        var errors = Errors(Sheet() with { Summary = new string('a', DocumentMetadataValidator.MaxSummaryLength + 1) });

        Assert.Contains("4000", errors["summary"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_searchable_text_holds_title_summary_obstacles_and_levers_folded()
    {
        var description = DocumentMetadataValidator.Validate(Sheet() with { Context = "Patientèle rurale" }, Now).Value!;

        Assert.Contains("souffle libre", description.SearchableText, StringComparison.Ordinal);
        Assert.Contains("seances en fin de journee", description.SearchableText, StringComparison.Ordinal);
        Assert.Contains("coordination non finance", description.SearchableText, StringComparison.Ordinal);
        Assert.DoesNotContain("rurale", description.SearchableText, StringComparison.Ordinal);
    }
}
