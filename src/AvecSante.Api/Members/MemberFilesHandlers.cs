using System.Globalization;
using System.Text;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Core.Members.Import;
using AvecSante.Infrastructure.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Members;

/// <summary>POST members/import (CSV from the CRM, with a dry run) and GET members/export (CSV or XLSX).</summary>
public sealed partial class MemberFilesHandlers(
    MemberImporter importer,
    MembersService members,
    IPeopleRegister people,
    IOptions<MembersOptions> options,
    ILogger<MemberFilesHandlers> logger)
{
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain", "application/octet-stream", "application/vnd.ms-excel"];

    /// <summary>POST /api/members/import?dryRun=true|false: the line-by-line report; with dryRun=true nothing is stored but the raw file.</summary>
    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryValues.TryFlag(request.Query, "dryRun", absent: false, out var dryRun))
        {
            return Problems.BadQuery("dryRun", "true ou false.");
        }
        var max = options.Value.ImportMaxBytes;
        if (request.ContentLength > max)
        {
            return TooLarge(max);
        }
        // The server's own limit (Kestrel: 30 MB by default) must never answer before the setting does.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + Documents.DocumentsHandlers.FormOverheadBytes;
        }
        var (content, fileName, problem) = await ReadFileAsync(request, max, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        if (content!.Length == 0)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "Le fichier est vide.");
        }

        ImportReport report;
        try
        {
            report = await importer.ImportAsync(content, fileName, dryRun, CallerIdentity.Of(request), cancellationToken).ConfigureAwait(false);
        }
        catch (ImportFileException ex)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Le fichier ne peut pas être importé.", ex.Message);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Le fichier des adhérents a changé pendant l'import.", "Relancez l'import : les lignes déjà présentes seront inchangées.");
        }
        LogImported(report.Sha256[..16], dryRun, report.Accepted, report.Updated, report.Unchanged, report.Rejected);
        return TypedResults.Ok(new
        {
            report.Archive,
            report.Sha256,
            report.DryRun,
            report.IgnoredColumns,
            report.Windows1252Lines,
            Summary = new { Lines = report.Lines.Count, report.Accepted, report.Updated, report.Unchanged, report.Rejected },
            report.Lines,
        });
    }

    /// <summary>The CSV's bytes, from a form's first file or the raw body, with its name; or the problem that says why not.</summary>
    private static async Task<(byte[]? Content, string? FileName, IResult? Problem)> ReadFileAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var (form, problem) = await FormBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (form is null)
            {
                return (null, null, problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } ? TooLarge(max) : problem!);
            }
            if (form.Files.Count == 0)
            {
                return (null, null, Problems.Of(StatusCodes.Status400BadRequest, "Aucun fichier dans le formulaire.", "Joignez le fichier CSV des adhérents."));
            }
            var file = form.Files[0];
            if (file.Length > max)
            {
                return (null, null, TooLarge(max));
            }
            await using var stream = file.OpenReadStream();
            return (await ReadAsync(stream, max, cancellationToken).ConfigureAwait(false) ?? [], file.FileName, null);
        }
        if (request.ContentType is { } type && CsvTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return await ReadAsync(request.Body, max, cancellationToken).ConfigureAwait(false) is { } body
                ? (body, null, null)
                : (null, null, TooLarge(max));
        }
        return (null, null, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
            "Le fichier doit être envoyé en CSV (Content-Type: text/csv) ou dans un formulaire (multipart/form-data)."));
    }

    /// <summary>GET /api/members/export?format=csv|xlsx&amp;year=: the member file in the import's own columns.</summary>
    public async Task<IResult> ExportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = QueryValues.Text(request.Query, "format")?.ToLowerInvariant() ?? "csv";
        if (format is not ("csv" or "xlsx"))
        {
            return Problems.BadQuery("format", "csv ou xlsx.");
        }
        var year = members.Today.Year;
        if (QueryValues.Text(request.Query, "year") is { } y && (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100))
        {
            return Problems.BadQuery("year", "une année sur quatre chiffres.");
        }
        return await WriteExportAsync(format, year, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member file as a CSV or XLSX download (format already checked): the API's export and the console's.</summary>
    public async Task<IResult> WriteExportAsync(string format, int year, CancellationToken cancellationToken)
    {
        var structures = await members.SearchStructuresAsync(new StructureFilter(), cancellationToken).ConfigureAwait(false);
        var everyone = await people.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var rows = MemberExport.Rows(structures, everyone.OrderBy(p => p.LastName, StringComparer.Ordinal).ThenBy(p => p.FirstName, StringComparer.Ordinal).ToList(), year);
        var stamp = members.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (format == "xlsx")
        {
            using var buffer = new MemoryStream();
            XlsxSheet.Write(buffer, "Adhérents", MemberExport.Headers, rows);
            return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"adherents-{stamp}.xlsx");
        }
        var text = new StringBuilder().Append(CsvText.Line(MemberExport.Headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(CsvText.Line(row)).Append("\r\n");
        }
        // UTF-8 with BOM: Excel in French opens the accents right and splits on ';'.
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"adherents-{stamp}.csv");
    }

    private static async Task<byte[]?> ReadAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(int max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le fichier est trop volumineux.",
            $"Taille maximale : {max / 1024} Ko (réglage Members:ImportMaxBytes).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Member import {ImportId} (dry run: {DryRun}): {Accepted} accepted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
    private partial void LogImported(string importId, bool dryRun, int accepted, int updated, int unchanged, int rejected);
}
