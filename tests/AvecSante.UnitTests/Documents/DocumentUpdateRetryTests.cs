using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Documents;

/// <summary>Changes to a document are written under the ETag they were read with, and read again when someone else wrote first.</summary>
public sealed class DocumentUpdateRetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDocumentRepository> _documents = new();

    private static LibraryDocument Stored(int edition) => new()
    {
        Id = "doc-1",
        Description = new DocumentDescription { Title = $"Fiche fictive, édition {edition}", Kind = DocumentKinds.Other },
        Versions =
        [
            new DocumentVersion
            {
                Number = 1, Sha256 = "aa", Size = 10, ContentType = "application/pdf", FileName = "fiche.pdf", ContentName = "doc-1/1",
                UploadedAt = DateTimeOffset.UnixEpoch,
            },
        ],
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private DocumentLibrary Library() =>
        new(_documents.Object, Mock.Of<IDocumentContentStore>(), DocumentRules.Default, _clock, NullLogger<DocumentLibrary>.Instance);

    [Fact]
    public async Task A_delete_that_loses_the_race_reads_the_document_again_and_deletes_the_fresh_copy()
    {
        _documents.SetupSequence(d => d.GetAsync("doc-1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored(1)).ReturnsAsync(Stored(2));
        var writes = 0;
        _documents.Setup(d => d.TryUpdateAsync(It.IsAny<LibraryDocument>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LibraryDocument d, CancellationToken _) => ++writes == 1 ? null : d); // the first: someone wrote between our read and our write

        var outcome = await Library().DeleteAsync("doc-1", "staff:camille.exemple@example.org", CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal(_clock.GetUtcNow(), outcome.Value!.DeletedAt);
        _documents.Verify(d => d.TryUpdateAsync(It.Is<LibraryDocument>(x => x.Description.Title.EndsWith("édition 2", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_document_changed_at_every_attempt_gives_a_conflict_saying_to_try_again()
    {
        _documents.Setup(d => d.GetAsync("doc-1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored(1) with { DeletedAt = _clock.GetUtcNow().AddDays(-1) });
        _documents.Setup(d => d.TryUpdateAsync(It.IsAny<LibraryDocument>(), It.IsAny<CancellationToken>())).ReturnsAsync((LibraryDocument?)null);

        var outcome = await Library().RestoreAsync("doc-1", "staff:test@example.org", CancellationToken.None);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("réessayez", outcome.Detail, StringComparison.Ordinal);
        _documents.Verify(d => d.GetAsync("doc-1", It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task An_unknown_document_is_not_found_and_nothing_is_written()
    {
        var outcome = await Library().DeleteAsync("doc-1", "staff:camille.exemple@example.org", CancellationToken.None);

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        _documents.Verify(d => d.TryUpdateAsync(It.IsAny<LibraryDocument>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
