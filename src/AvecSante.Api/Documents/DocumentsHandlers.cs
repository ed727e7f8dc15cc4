using System.Globalization;
using System.Text.Json;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AvecSante.Api.Documents;

/// <summary>
/// HTTP handlers of the capitalisation library, shared by both hosts. Uploads are
/// multipart/form-data with a "file" part and a "metadata" part holding JSON (README, « Déposer un document »).
/// </summary>
public sealed class DocumentsHandlers(DocumentLibrary library)
{
    /// <summary>What a multipart body may hold besides the file: the metadata JSON and the part headers.</summary>
    public const long FormOverheadBytes = 256 * 1024;

    /// <summary>POST /api/documents: 201 with the document; 400, 409 (same bytes already stored), 413, 415, 422.</summary>
    public async Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, problem) = await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var metadataText = form!["metadata"].ToString();
        if (string.IsNullOrWhiteSpace(metadataText))
        {
            return MissingPart("metadata", "La partie « metadata » (JSON : title, kind, themes…) est obligatoire.");
        }
        DocumentMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<DocumentMetadata>(metadataText, JsonBody.Options);
        }
        catch (JsonException ex)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "La partie « metadata » n'est pas un JSON valide.",
                ex.LineNumber is { } line ? $"Erreur près de la ligne {line + 1}, position {ex.BytePositionInLine + 1}." : null,
                new Dictionary<string, string[]> { ["metadata"] = ["JSON invalide."] });
        }
        if (metadata is null)
        {
            return MissingPart("metadata", "La partie « metadata » doit être un objet JSON.");
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return MissingPart("file", "La partie « file » (le fichier à déposer) est obligatoire.");
        }
        await using var content = file.OpenReadStream();
        var outcome = await library.UploadAsync(metadata, new IncomingFile(content, file.Length, file.FileName, CallerIdentity.Of(request)), cancellationToken).ConfigureAwait(false);
        return outcome.Kind == OutcomeKind.Created
            ? TypedResults.Created($"/api/documents/{outcome.Value!.Id}", DocumentResponse.From(outcome.Value, library.Rules))
            : ToResult(outcome);
    }

    /// <summary>GET /api/documents?theme=&amp;q=&amp;year=&amp;department=&amp;structure=&amp;kind=&amp;deleted=true.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query;
        var theme = QueryValues.Text(q, "theme")?.ToLowerInvariant();
        if (theme is not null && !Themes.IsKnown(theme))
        {
            return Problems.BadQuery("theme", $"« {theme} » : thème inconnu.");
        }
        int? year = null;
        if (QueryValues.Text(q, "year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.BadQuery("year", "l'année s'écrit avec quatre chiffres (par exemple 2025).");
            }
            year = parsed;
        }
        var department = QueryValues.Text(q, "department")?.ToLowerInvariant();
        if (department is not null && !Departments.IsKnown(department))
        {
            return Problems.BadQuery("department", $"« {department} » : département inconnu (22, 29, 35, 56 ou regional).");
        }
        var kind = QueryValues.Text(q, "kind")?.ToLowerInvariant();
        if (kind is not null && !DocumentKinds.IsKnown(kind))
        {
            return Problems.BadQuery("kind", "valeurs possibles : fiche-capitalisation, projet-de-sante, compte-rendu, autre.");
        }
        if (!QueryValues.TryFlag(q, "deleted", absent: false, out var deleted))
        {
            return Problems.BadQuery("deleted", "valeurs possibles : true, false.");
        }
        var filter = new DocumentFilter
        {
            Theme = theme,
            Query = QueryValues.Text(q, "q"),
            Year = year,
            Department = department,
            Structure = QueryValues.Text(q, "structure"),
            Kind = kind,
            Deleted = deleted,
        };
        var list = await library.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(s => DocumentSummaryResponse.From(s, library.Rules)).ToList());
    }

    /// <summary>GET /api/documents/{id}: the description, the method fields and every version (also while in the bin).</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var document = await library.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return document is null ? Problems.NotFound("Document") : TypedResults.Ok(DocumentResponse.From(document, library.Rules));
    }

    /// <summary>
    /// GET /api/documents/{id}/content[?version=n]: the bytes, streamed, with their sniffed type and an attachment
    /// Content-Disposition (ADR 0004). A document in the bin is not served.
    /// </summary>
    public async Task<IResult> DownloadAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = await library.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.NotFound("Document");
        }
        if (document.IsDeleted)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "Document introuvable.", "Ce document est dans la corbeille : restaurez-le pour le télécharger.");
        }
        var version = document.Current;
        if (QueryValues.Text(request.Query, "version") is { } versionText)
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || document.Versions.FirstOrDefault(v => v.Number == number) is not { } chosen)
            {
                return Problems.BadQuery("version", $"ce document a les versions 1 à {document.Versions.Count}.");
            }
            version = chosen;
        }
        var stream = await library.OpenAsync(version, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return Problems.NotFound("Fichier");
        }
        var headers = request.HttpContext.Response.Headers;
        // The browser must not guess another type (an HTML-looking PDF) nor render it inside our origin.
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        headers[HeaderNames.CacheControl] = "private, no-store";
        // The download name goes out as filename (ASCII fallback) and filename* (UTF-8), quoted and escaped by ASP.NET.
        return TypedResults.Stream(stream, version.ContentType, version.FileName,
            lastModified: version.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{version.Sha256}\""), enableRangeProcessing: stream.CanSeek);
    }

    /// <summary>POST /api/documents/{id}/versions: a new file for the document; earlier versions are kept.</summary>
    public async Task<IResult> AddVersionAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (form, problem) = await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        if (form!.Files.GetFile("file") is not { } file)
        {
            return MissingPart("file", "La partie « file » (le nouveau fichier) est obligatoire.");
        }
        await using var content = file.OpenReadStream();
        var outcome = await library.AddVersionAsync(id, new IncomingFile(content, file.Length, file.FileName, CallerIdentity.Of(request)), cancellationToken).ConfigureAwait(false);
        return ToResult(outcome);
    }

    /// <summary>DELETE /api/documents/{id}: to the bin, restorable for Documents:RestoreDays days.</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ToResult(await library.DeleteAsync(id, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false));

    /// <summary>POST /api/documents/{id}/restore: out of the bin, while the period runs (410 after).</summary>
    public async Task<IResult> RestoreAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        ToResult(await library.RestoreAsync(id, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false));

    private IResult ToResult(Outcome<LibraryDocument> outcome) =>
        Problems.Refusal(outcome, "Document", id => $"/api/documents/{id}") ?? TypedResults.Ok(DocumentResponse.From(outcome.Value!, library.Rules));

    private static IResult TooLarge(long maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le fichier est trop volumineux.", DocumentLibrary.TooLargeDetail(maxBytes));

    private static IResult MissingPart(string part, string reason) =>
        Problems.Of(StatusCodes.Status400BadRequest, "Le dépôt est incomplet.", reason, new Dictionary<string, string[]> { [part] = [reason] });

    /// <summary>
    /// Reads the multipart form, answering 413 ourselves for bodies beyond the setting: before reading when the length
    /// is announced, and when the server's own limit stops a chunked body. The server limit is raised to the setting
    /// (plus the form's overhead) so Kestrel's 30 MB default never answers first with an empty 413 or a reset.
    /// </summary>
    private async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var max = library.Rules.MaxUploadBytes;
        if (request.ContentLength > max + FormOverheadBytes)
        {
            return (null, TooLarge(max));
        }
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                "Le dépôt doit être envoyé en multipart/form-data (parties « file » et « metadata »).",
                "Voir le README, section « Déposer un document »."));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + FormOverheadBytes;
        }
        var (form, problem) = await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } ? (null, TooLarge(max)) : (form, problem);
    }
}
