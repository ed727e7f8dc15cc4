using System.Security.Cryptography;

namespace AvecSante.Core.Documents;

/// <summary>One stored file of a document. Versions are never overwritten: replacing a file adds one.</summary>
public sealed record DocumentVersion
{
    public required int Number { get; init; }

    /// <summary>SHA-256 of the bytes, lowercase hex (64 characters).</summary>
    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required string ContentType { get; init; }

    /// <summary>A safe download name: the uploaded name's stem (or the title) with the extension of the sniffed type.</summary>
    public required string FileName { get; init; }

    /// <summary>Where the bytes are (opaque to Core: the content store's own name).</summary>
    public required string ContentName { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>Who deposited it, as the audit trail names callers ("staff:…", "key:…"); null for versions stored before this was kept.</summary>
    public string? UploadedBy { get; init; }
}

/// <summary>A document of the capitalisation library: its description, its versions, and whether it is in the bin.</summary>
public sealed record LibraryDocument
{
    public required string Id { get; init; }

    public required DocumentDescription Description { get; init; }

    /// <summary>Oldest first; the last one is the current file.</summary>
    public required IReadOnlyList<DocumentVersion> Versions { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set when deleted (soft): restorable until DeletedAt + the retention period, then purged.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Who put it in the bin (as the audit trail names callers); null when it is not in the bin.</summary>
    public string? DeletedBy { get; init; }

    /// <summary>When it last came out of the bin, and who restored it (as the audit trail names callers).</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    public string? RestoredBy { get; init; }

    /// <summary>Storage's concurrency token (ETag) of the read this instance came from; null for a new document.</summary>
    public string? Revision { get; init; }

    public DocumentVersion Current => Versions[^1];

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>
    /// A document's id comes from the SHA-256 of its first file, so a retried upload that stopped half-way lands on
    /// the same id and completes, instead of leaving a twin.
    /// </summary>
    public static string IdFor(string firstSha256) => Common.StableKeys.Digest("document|" + firstSha256, 24);

    public static string Sha256Of(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        content.Position = 0;
        return hash;
    }
}

/// <summary>A file as received: a seekable stream, its length, the name the client gave (may be anything), and who sent it.</summary>
public sealed record IncomingFile(Stream Content, long Length, string? FileName, string? UploadedBy = null);

/// <summary>Filters of GET documents; all optional, combined with AND.</summary>
public sealed record DocumentFilter
{
    public string? Theme { get; init; }

    public string? Query { get; init; }

    public int? Year { get; init; }

    public string? Department { get; init; }

    /// <summary>The structure's name as people write it; matched on its folded form.</summary>
    public string? Structure { get; init; }

    public string? Kind { get; init; }

    /// <summary>List the bin (deleted, still restorable or awaiting purge) instead of the library.</summary>
    public bool Deleted { get; init; }
}
