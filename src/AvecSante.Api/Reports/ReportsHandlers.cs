using System.Globalization;
using AvecSante.Api.Http;
using AvecSante.Core.Common;
using AvecSante.Core.Reports;
using Azure;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Reports;

/// <summary>
/// The yearly activity report over HTTP: compile on demand (202 with the status resource to poll: the compilation is
/// queued, ADR 0010), the year's status and files with their links, and the downloads.
/// </summary>
public sealed class ReportsHandlers(AnnualReportRequests requests, IAnnualReportArchive archive, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docx"] = "docx",
        ["xlsx"] = "xlsx",
        ["json"] = "json",
    };

    public async Task<IResult> CompileAsync(HttpRequest req, string year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (ParseYear(year) is not { } y)
        {
            return BadYear();
        }
        var notify = req.Query.TryGetValue("notify", out var n) && string.Equals(n.ToString(), "true", StringComparison.OrdinalIgnoreCase);
        ReportRequestOutcome outcome;
        try
        {
            // Queued, or the compilation of that year already queued or running: either way, the status to poll.
            outcome = await requests.RequestAsync(y, "manual", notify, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TimeoutException or AggregateException)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Stockage momentanément indisponible : la compilation n'a pas été demandée.", "Recommencez dans un instant.");
        }
        return TypedResults.Accepted(Link(req, y, null), View(req, outcome.Record));
    }

    public async Task<IResult> GetAsync(HttpRequest req, string year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (ParseYear(year) is not { } y)
        {
            return BadYear();
        }
        var record = await archive.GetAsync(y, cancellationToken).ConfigureAwait(false);
        return record is null
            ? Problems.Of(StatusCodes.Status404NotFound, $"Aucun rapport d'activité n'a encore été compilé pour {y}.", $"POST /api/reports/annual/{y} le compile.")
            : TypedResults.Ok(View(req, record));
    }

    public async Task<IResult> DownloadAsync(HttpRequest req, string year, string format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (ParseYear(year) is not { } y)
        {
            return BadYear();
        }
        if (format is null || !Formats.TryGetValue(format, out var f))
        {
            return Problems.Of(StatusCodes.Status404NotFound, "Format inconnu : docx (Word), xlsx (annexe Excel) ou json (synthèse).");
        }
        var record = await archive.GetAsync(y, cancellationToken).ConfigureAwait(false);
        if (record?.Files.FirstOrDefault(x => x.Format == f) is not { } file)
        {
            return Problems.NotFound($"Rapport {y} ({f})");
        }
        var stream = await archive.OpenFileAsync(y, file.FileName, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return Problems.NotFound($"Rapport {y} ({f})");
        }
        req.HttpContext.Response.Headers.CacheControl = "private, no-store";
        req.HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return TypedResults.Stream(stream, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + file.Sha256 + "\""));
    }

    private int? ParseYear(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= ParisTime.Today(clock).Year ? y : null;

    private IResult BadYear() => Problems.Of(StatusCodes.Status400BadRequest, "Année incorrecte.",
        $"L'année s'écrit sur quatre chiffres, de 2000 à {ParisTime.Today(clock).Year}.",
        new Dictionary<string, string[]> { ["year"] = ["L'année s'écrit sur quatre chiffres et ne peut pas être dans le futur."] });

    private static string Link(HttpRequest req, int year, string? format) =>
        $"{req.Scheme}://{req.Host}{req.PathBase}/api/reports/annual/{year.ToString(CultureInfo.InvariantCulture)}" + (format is null ? string.Empty : "/" + format);

    private static object View(HttpRequest req, AnnualReportRecord r) => new
    {
        r.Year,
        Status = r.Status.ToString().ToLowerInvariant(),
        r.Trigger,
        r.StartedAt,
        r.CompletedAt,
        r.Seconds,
        r.Error,
        Files = r.Files.Select(f => new { f.Format, f.FileName, f.ContentType, f.Size, f.Sha256, Href = Link(req, r.Year, f.Format) }),
        Links = new { Self = Link(req, r.Year, null), Docx = Link(req, r.Year, "docx"), Xlsx = Link(req, r.Year, "xlsx"), Json = Link(req, r.Year, "json") },
    };
}
