using AvecSante.Core.Documents;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Documents;

public sealed class DocumentRelevanceTests
{
    private static DocumentSummary Sheet(string id, string[] themes, int? year, int methodFields, string kind = DocumentKinds.ExperienceSheet) => new()
    {
        Id = id,
        Title = id,
        Kind = kind,
        Themes = themes,
        Year = year,
        MethodFieldCount = methodFields,
        VersionCount = 1,
        ContentType = "application/pdf",
        FileName = id + ".pdf",
        Size = 1,
        Sha256 = id,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_sheet_focused_on_the_theme_ranks_above_one_touching_many_themes()
    {
        var focused = Sheet("focused", ["addictions"], 2024, 3);
        var broad = Sheet("broad", ["addictions", "sante-mentale", "precarite", "prevention"], 2024, 3);

        var ranked = DocumentRelevance.Rank([broad, focused], "addictions", 2026, 3);

        Assert.Equal(["focused", "broad"], ranked.Select(s => s.Id));
    }

    [Fact]
    public void Between_equally_focused_sheets_the_complete_and_recent_one_wins()
    {
        var old = Sheet("old", ["addictions"], 2016, 1);
        var complete = Sheet("complete", ["addictions"], 2025, 5);

        var ranked = DocumentRelevance.Rank([old, complete], "addictions", 2026, 3);

        Assert.Equal("complete", ranked[0].Id);
    }

    [Fact]
    public void At_most_the_requested_number_of_sheets_is_returned_and_other_kinds_never()
    {
        var sheets = Enumerable.Range(1, 5).Select(i => Sheet($"s{i}", ["addictions"], 2020 + i, 2))
            .Append(Sheet("minutes", ["addictions"], 2026, 0, DocumentKinds.Minutes));

        var ranked = DocumentRelevance.Rank(sheets, "addictions", 2026, 3);

        Assert.Equal(["s5", "s4", "s3"], ranked.Select(s => s.Id));
    }

    [Fact]
    public async Task The_finder_asks_the_theme_partition_for_sheets_and_ranks_them()
    {
        var repository = new Mock<IDocumentRepository>();
        DocumentFilter? asked = null;
        repository.Setup(r => r.ListAsync(It.IsAny<DocumentFilter>(), It.IsAny<CancellationToken>()))
            .Callback<DocumentFilter, CancellationToken>((f, _) => asked = f)
            .ReturnsAsync([Sheet("a", ["perinatalite", "sante-mentale"], 2024, 5), Sheet("b", ["perinatalite"], 2024, 5)]);
        var finder = new ExperienceSheetFinder(repository.Object, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

        var found = await finder.FindForThemeAsync("perinatalite", IExperienceSheetFinder.DefaultMax, CancellationToken.None);

        Assert.Equal(["b", "a"], found.Select(s => s.Id));
        Assert.Equal(new DocumentFilter { Theme = "perinatalite", Kind = DocumentKinds.ExperienceSheet }, asked);
    }

    [Fact]
    public async Task An_unknown_theme_finds_nothing_without_reading_storage()
    {
        var repository = new Mock<IDocumentRepository>(MockBehavior.Strict);
        var finder = new ExperienceSheetFinder(repository.Object, TimeProvider.System);

        Assert.Empty(await finder.FindForThemeAsync("astrologie", 3, CancellationToken.None));
    }
}
