using AvecSante.Core.Documents;

namespace AvecSante.Api.Documents;

/// <summary>A document as a listing shows it.</summary>
public sealed record DocumentSummaryResponse(
    string Id,
    string Title,
    string Kind,
    string? Structure,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> ThemeLabels,
    int? Year,
    string? Department,
    string? Summary,
    int Versions,
    string ContentType,
    string FileName,
    long Size,
    string Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? RestorableUntil,
    string Content)
{
    public static DocumentSummaryResponse From(DocumentSummary s, DocumentRules rules)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rules);
        return new(s.Id, s.Title, s.Kind, s.Structure, s.Themes, s.Themes.Select(AvecSante.Core.Common.Themes.Label).ToList(), s.Year, s.Department, s.Summary,
            s.VersionCount, s.ContentType, s.FileName, s.Size, s.Sha256, s.CreatedAt, s.UpdatedAt, s.DeletedAt,
            s.DeletedAt is { } d ? rules.RestorableUntil(d) : null, $"/api/documents/{s.Id}/content");
    }
}

/// <summary>A version as GET documents/{id} shows it.</summary>
public sealed record DocumentVersionResponse(int Number, string Sha256, long Size, string ContentType, string FileName, DateTimeOffset UploadedAt, string Content);

/// <summary>One document in full: description, the method's fields, versions (oldest first).</summary>
public sealed record DocumentResponse(
    string Id,
    string Title,
    string Kind,
    string? Structure,
    IReadOnlyList<string> Themes,
    int? Year,
    string? Department,
    string? Summary,
    string? Context,
    string? Story,
    string? Obstacles,
    string? Levers,
    string? Transferability,
    int CurrentVersion,
    string ContentType,
    string FileName,
    long Size,
    string Sha256,
    IReadOnlyList<DocumentVersionResponse> Versions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? RestorableUntil,
    string Content)
{
    public static DocumentResponse From(LibraryDocument document, DocumentRules rules)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        var d = document.Description;
        var c = document.Current;
        return new(document.Id, d.Title, d.Kind, d.Structure, d.Themes, d.Year, d.Department, d.Summary,
            d.Context, d.Story, d.Obstacles, d.Levers, d.Transferability,
            c.Number, c.ContentType, c.FileName, c.Size, c.Sha256,
            document.Versions.Select(v => new DocumentVersionResponse(v.Number, v.Sha256, v.Size, v.ContentType, v.FileName, v.UploadedAt,
                $"/api/documents/{document.Id}/content?version={v.Number}")).ToList(),
            document.CreatedAt, document.UpdatedAt, document.DeletedAt,
            document.DeletedAt is { } deleted ? rules.RestorableUntil(deleted) : null,
            $"/api/documents/{document.Id}/content");
    }
}
