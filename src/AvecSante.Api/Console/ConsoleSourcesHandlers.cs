using System.Globalization;

using AvecSante.Api.Http;
using AvecSante.Api.Web;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Members;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// Sources in the console: each source's last run, counts and last error (as GET /api/calls/sources), including the
/// configured ones that never ran; and "run now", the same ingestion as POST /api/calls/ingest.
/// </summary>
public sealed class ConsoleSourcesHandlers(ConsoleGate gate, ISourceRunStore runs, ICallSourceCatalog catalog, CallIngestionService ingestion, IMemberAuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "sources";

    /// <summary>GET console/sources.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.PageAsync(request, async console =>
        {
            var known = (await runs.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Source, StringComparer.Ordinal);
            // A source configured since the last run shows as "never read" rather than missing from the list.
            foreach (var source in catalog.EnabledSources.Where(s => !known.ContainsKey(s.Name)))
            {
                known[source.Name] = new SourceRun { Source = source.Name, Kind = source.Kind };
            }
            foreach (var (name, kind) in catalog.DisabledSources.Where(s => !known.ContainsKey(s.Name)))
            {
                known[name] = new SourceRun { Source = name, Kind = kind, Enabled = false };
            }
            return WebPage.Render<SourcesPage>(new Dictionary<string, object?>
            {
                [nameof(SourcesPage.Frame)] = console.Frame,
                [nameof(SourcesPage.Runs)] = known.Values.OrderBy(r => r.Source, StringComparer.Ordinal).ToList(),
                [nameof(SourcesPage.Notice)] = Notice(request.Query),
            });
        }, cancellationToken);

    /// <summary>POST console/sources: read every enabled source now; the audit trail names who asked.</summary>
    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        gate.FormAsync(request, async (console, _) =>
        {
            var summary = await ingestion.IngestAsync(cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(new AuditEntry(clock.GetUtcNow(), CallerIdentity.Of(console.Http), "ran", AuditKind, "all", []), cancellationToken).ConfigureAwait(false);
            var ran = summary.Sources.Where(s => s.Enabled).ToList();
            return WebPage.SeeOther(string.Create(CultureInfo.InvariantCulture,
                $"{ConsoleNavigation.Sources}?lues={ran.Count}&erreurs={ran.Count(s => s.Status == "failed")}&nouveaux={ran.Sum(s => s.New)}&modifies={ran.Sum(s => s.Changed)}&clos={summary.Closed}"));
        }, cancellationToken);

    private static string? Notice(IQueryCollection query)
    {
        if (!int.TryParse(query["lues"], NumberStyles.None, CultureInfo.InvariantCulture, out var read))
        {
            return null;
        }
        return $"Lecture terminée : {read} source(s) lue(s), {Count(query["erreurs"])} en erreur ; {Count(query["nouveaux"])} nouvel(s) appel(s), "
            + $"{Count(query["modifies"])} modifié(s), {Count(query["clos"])} clos.";
    }

    private static int Count(Microsoft.Extensions.Primitives.StringValues value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
