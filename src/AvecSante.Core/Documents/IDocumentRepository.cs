namespace AvecSante.Core.Documents;

/// <summary>The library's records and index (Table storage in production).</summary>
public interface IDocumentRepository
{
    /// <summary>
    /// Claims a content hash for a document (first writer wins) and returns the id of the document that holds the claim
    /// now: <paramref name="documentId"/> when it was free, another id when the same bytes were stored before.
    /// </summary>
    Task<string> ClaimContentAsync(string sha256, string documentId, CancellationToken cancellationToken);

    /// <summary>Moves a claim left by a document that no longer exists to <paramref name="documentId"/>; false when it changed meanwhile.</summary>
    Task<bool> TryTakeOverContentAsync(string sha256, string previousOwnerId, string documentId, CancellationToken cancellationToken);

    /// <summary>Stores a new document and its index rows; false when a document with that id exists already.</summary>
    Task<bool> TryAddAsync(LibraryDocument document, CancellationToken cancellationToken);

    Task<LibraryDocument?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces a document read earlier (its Revision) and rewrites its index; null when it changed in between.</summary>
    Task<LibraryDocument?> TryUpdateAsync(LibraryDocument document, CancellationToken cancellationToken);

    /// <summary>Documents matching the filter, read from one partition (see ADR 0005), most recently updated first.</summary>
    Task<IReadOnlyList<DocumentSummary>> ListAsync(DocumentFilter filter, CancellationToken cancellationToken);

    /// <summary>Deleted documents whose deletion is at or before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<LibraryDocument>> ListDeletedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Removes a document for good: its index rows, its content claims, then its record.</summary>
    Task PurgeAsync(LibraryDocument document, CancellationToken cancellationToken);
}

/// <summary>The files themselves (Blob storage in production).</summary>
public interface IDocumentContentStore
{
    /// <summary>Stores the bytes and returns their name. Names derive from the content, so saving the same bytes again is harmless.</summary>
    Task<string> SaveAsync(string documentId, string sha256, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A read stream over stored bytes, or null when they are gone.</summary>
    Task<Stream?> OpenAsync(string contentName, CancellationToken cancellationToken);

    /// <summary>Deletes every file of a document (all versions).</summary>
    Task DeleteAllAsync(string documentId, CancellationToken cancellationToken);
}

/// <summary>What a listing shows of a document (what the index rows carry, so a listing needs no other read).</summary>
public sealed record DocumentSummary
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public string? Structure { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public int? Year { get; init; }

    public string? Department { get; init; }

    public string? Summary { get; init; }

    public int MethodFieldCount { get; init; }

    public required int VersionCount { get; init; }

    public required string ContentType { get; init; }

    public required string FileName { get; init; }

    public required long Size { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public static DocumentSummary From(LibraryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var d = document.Description;
        return new DocumentSummary
        {
            Id = document.Id,
            Title = d.Title,
            Kind = d.Kind,
            Structure = d.Structure,
            Themes = d.Themes,
            Year = d.Year,
            Department = d.Department,
            Summary = d.Summary,
            MethodFieldCount = d.MethodFieldCount,
            VersionCount = document.Versions.Count,
            ContentType = document.Current.ContentType,
            FileName = document.Current.FileName,
            Size = document.Current.Size,
            Sha256 = document.Current.Sha256,
            CreatedAt = document.CreatedAt,
            UpdatedAt = document.UpdatedAt,
            DeletedAt = document.DeletedAt,
        };
    }
}
