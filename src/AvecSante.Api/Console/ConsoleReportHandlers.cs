using System.Globalization;

using AvecSante.Api.Reports;
using AvecSante.Api.Web;
using AvecSante.Core.Common;
using AvecSante.Core.Reports;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>A year of the report as the page shows it: never compiled (null), queued, running, done or failed.</summary>
public sealed record ReportYear(int Year, AnnualReportRecord? Record);

/// <summary>The yearly report in the console: compile a year (the 202 path while it runs), follow it, download the files.</summary>
public sealed class ConsoleReportHandlers(ConsoleGate gate, AnnualReportRequests requests, IAnnualReportArchive archive, ReportsHandlers api, TimeProvider clock)
{
    public const int YearsShown = 5;

    /// <summary>GET console/rapport: the last years and their files.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var thisYear = ParisTime.Today(clock).Year;
            var years = new List<ReportYear>();
            for (var y = thisYear; y > thisYear - YearsShown; y--)
            {
                years.Add(new ReportYear(y, await archive.GetAsync(y, cancellationToken).ConfigureAwait(false)));
            }
            return Page(console, years, null, StatusCodes.Status200OK);
        }, cancellationToken);

    /// <summary>GET console/rapport/{year}: one year; 202 while it compiles (the page reloads itself without script).</summary>
    public Task<IResult> ShowAsync(HttpRequest request, string year, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            if (ParseYear(year) is not { } y)
            {
                return WebPage.Message(console.Frame, StatusCodes.Status404NotFound, "Année inconnue", "Choisissez une année dans la liste.", ConsoleNavigation.Report, "Rapport d'activité");
            }
            var record = await archive.GetAsync(y, cancellationToken).ConfigureAwait(false);
            var status = record?.Status is ReportRunStatus.Running or ReportRunStatus.Queued ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
            return Page(console, [new ReportYear(y, record)], y, status);
        }, cancellationToken);

    /// <summary>POST console/rapport: compile the chosen year, then show its page (post/redirect/get).</summary>
    public Task<IResult> CompileAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, form) =>
        {
            if (ParseYear(form["year"]) is not { } y)
            {
                return WebPage.Message(console.Frame, StatusCodes.Status422UnprocessableEntity, "Année incorrecte",
                    "Choisissez une année passée ou l'année en cours.", ConsoleNavigation.Report, "Rapport d'activité");
            }
            // The same use case as POST /api/reports/annual/{year}: queued; one already queued or running is followed, not doubled.
            await requests.RequestAsync(y, "console", notifyBoard: false, cancellationToken).ConfigureAwait(false);
            return WebPage.SeeOther($"{ConsoleNavigation.Report}/{y.ToString(CultureInfo.InvariantCulture)}");
        }, cancellationToken);

    /// <summary>GET console/rapport/{year}/{format}: the file, streamed by the API's own download.</summary>
    public Task<IResult> DownloadAsync(HttpRequest request, string year, string format, CancellationToken cancellationToken) =>
        gate.PageAsync(request, _ => api.DownloadAsync(request, year, format, cancellationToken), cancellationToken);

    private static IResult Page(ConsoleRequest console, IReadOnlyList<ReportYear> years, int? selected, int status) =>
        WebPage.Render<ReportPage>(new Dictionary<string, object?>
        {
            [nameof(ReportPage.Frame)] = console.Frame,
            [nameof(ReportPage.Years)] = years,
            [nameof(ReportPage.Selected)] = selected,
        }, status);

    private int? ParseYear(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= ParisTime.Today(clock).Year ? y : null;
}
