using System.Diagnostics;
using System.Net;
using System.Text;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Reports;

/// <summary>What the report service needs from settings (Reports section and the federation).</summary>
public sealed record ReportSettings(
    string FederationName,
    Uri LinkBaseUrl,
    IReadOnlyList<string> BoardAddresses,
    TimeSpan StaleAfter);

/// <summary>
/// Compiles a year's report once at a time: claims the year's record (Running, under its ETag), reads the data, renders
/// the Word document, the Excel annex and the JSON summary, stores them under the year, records their SHA-256, and
/// optionally plans the board's email in the outbox.
/// </summary>
public sealed partial class AnnualReportService(
    ReportDataReader reader,
    IAnnualReportRenderer renderer,
    IAnnualReportArchive archive,
    IOutboxStore outbox,
    IPeopleRegister? people,
    ReportSettings settings,
    TimeProvider clock,
    ILogger<AnnualReportService> logger)
{
    public const string EmailKind = "annual-report";

    public static string DocxName(int year) => $"rapport-activite-{year}.docx";

    public static string XlsxName(int year) => $"rapport-activite-{year}-annexe.xlsx";

    public static string JsonName(int year) => $"rapport-activite-{year}-synthese.json";

    /// <summary>
    /// Takes the year for a new compilation, one at a time: unless a compilation is queued or running (and not older
    /// than StaleAfter, else taken as abandoned), writes the year's record with <paramref name="status"/> under its
    /// ETag (a concurrent writer makes it read again). Claimed false: the record of the compilation already under way.
    /// </summary>
    public async Task<(AnnualReportRecord Record, bool Claimed)> ClaimAsync(int year, ReportRunStatus status, string trigger, string? requestId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await archive.GetAsync(year, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            if (existing is { Status: ReportRunStatus.Running or ReportRunStatus.Queued } && existing.StartedAt > now - settings.StaleAfter)
            {
                return (existing, false);
            }
            var next = new AnnualReportRecord
            {
                Year = year,
                Status = status,
                Trigger = trigger,
                StartedAt = now,
                Files = existing?.Files ?? [],
                Seconds = existing?.Seconds,
                Version = existing?.Version,
                RequestId = requestId,
            };
            if (await archive.TrySaveAsync(next, cancellationToken).ConfigureAwait(false) is { } claimed)
            {
                return (claimed, true);
            }
        }
        return ((await archive.GetAsync(year, cancellationToken).ConfigureAwait(false))!, false);
    }

    /// <summary>
    /// One compilation of the year whose record is <paramref name="running"/>: reads, computes, renders, stores the
    /// files, plans the board's email when asked, then records the year completed. Throws on failure (logged), leaving
    /// the record to the caller. The email is planned before the record says completed, so a run retried after a
    /// crash in between plans it again under the same keys instead of never.
    /// </summary>
    public async Task<AnnualReportRecord> CompileOnceAsync(AnnualReportRecord running, bool notifyBoard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        var year = running.Year;
        var watch = Stopwatch.StartNew();
        try
        {
            var data = await reader.ReadAsync(year, cancellationToken).ConfigureAwait(false);
            var report = AnnualReportCalculator.Compute(year, settings.FederationName, clock.GetUtcNow(), data);
            var rendered = renderer.Render(report);
            var files = new[]
            {
                await archive.StoreFileAsync(year, "docx", DocxName(year), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", rendered.Docx, cancellationToken).ConfigureAwait(false),
                await archive.StoreFileAsync(year, "xlsx", XlsxName(year), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rendered.Xlsx, cancellationToken).ConfigureAwait(false),
                await archive.StoreFileAsync(year, "json", JsonName(year), "application/json", rendered.Json, cancellationToken).ConfigureAwait(false),
            };
            var done = running with
            {
                Status = ReportRunStatus.Completed,
                CompletedAt = clock.GetUtcNow(),
                Files = files,
                Error = null,
                Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            };
            if (notifyBoard)
            {
                await PlanBoardEmailAsync(report, done, cancellationToken).ConfigureAwait(false);
            }
            var saved = await archive.TrySaveAsync(done, cancellationToken).ConfigureAwait(false) ?? done;
            LogCompiled(year, watch.Elapsed.TotalSeconds);
            return saved;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, year);
            throw;
        }
    }

    /// <summary>What the year's record says of a failure: French, the exception's type only (no personal data).</summary>
    public static string FailureText(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return "La compilation a échoué : " + exception.GetType().Name + ".";
    }

    /// <summary>
    /// One email per board member through the outbox (tenant channel: Graph's shared mailbox when configured). The key
    /// is recipient × year × compilation, so a retried run never mails twice and a new compilation asked for the board does.
    /// </summary>
    public async Task<int> PlanBoardEmailAsync(AnnualReport report, AnnualReportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(record);
        var recipients = new List<(string Id, string Address, string Name)>();
        foreach (var address in settings.BoardAddresses)
        {
            recipients.Add(("board-" + StableKeys.Digest(address.ToUpperInvariant(), 16), address, "Conseil d'administration"));
        }
        if (recipients.Count == 0 && people is not null)
        {
            foreach (var person in await people.ListAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (person.Roles.Contains(MemberRoles.Board, StringComparer.Ordinal))
                {
                    recipients.Add((person.Id, person.Email, person.FirstName + " " + person.LastName));
                }
            }
        }
        var content = BoardEmail(report, record);
        var now = clock.GetUtcNow();
        var planned = 0;
        var compilation = record.StartedAt.ToUnixTimeSeconds();
        foreach (var (id, address, name) in recipients)
        {
            var key = $"{id}|annual-report~{report.Year}~{compilation}|{EmailKind}";
            var message = new OutboxMessage
            {
                Id = OutboxMessage.IdFor(key),
                IdempotencyKey = key,
                Kind = EmailKind,
                Channel = NotificationChannel.TenantEmail,
                RecipientId = id,
                Subject = $"annual-report-{report.Year}",
                Email = content with { ToAddress = address, ToName = name },
                CreatedAt = now,
                NextAttemptAt = now,
            };
            if (await outbox.TryEnqueueAsync(message, cancellationToken).ConfigureAwait(false))
            {
                planned++;
            }
        }
        LogBoardEmails(report.Year, planned);
        return planned;
    }

    public EmailContent BoardEmail(AnnualReport report, AnnualReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(record);
        var links = new[] { ("Rapport (Word)", "docx"), ("Annexe (Excel)", "xlsx"), ("Synthèse (JSON)", "json") }
            .Select(l => (l.Item1, new Uri(settings.LinkBaseUrl, $"reports/annual/{report.Year}/{l.Item2}").ToString())).ToList();
        var subject = $"Rapport d'activité {report.Year} de {report.FederationName}";
        var text = new StringBuilder();
        text.AppendLine("Bonjour,").AppendLine();
        text.AppendLine(FrenchFormat.Culture, $"Le rapport d'activité {report.Year} a été compilé le {FrenchFormat.Date(DateOnly.FromDateTime(ParisTime.ToParis(report.CompiledAt).DateTime))}. L'essentiel :").AppendLine();
        foreach (var message in ReportHeadlines.KeyMessages(report))
        {
            text.AppendLine("- " + message);
        }
        text.AppendLine().AppendLine("Les documents (accès avec la clé d'administration) :");
        foreach (var (label, url) in links)
        {
            text.AppendLine(FrenchFormat.Culture, $"- {label} : {url}");
        }
        text.AppendLine().AppendLine("Le document Word est un brouillon modifiable : l'équipe le complète avant l'assemblée générale.").AppendLine().AppendLine(report.FederationName);

        var html = new StringBuilder();
        html.Append("<p>Bonjour,</p><p>Le rapport d'activité ").Append(report.Year).Append(" a été compilé. L'essentiel :</p><ul>");
        foreach (var message in ReportHeadlines.KeyMessages(report))
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(message)).Append("</li>");
        }
        html.Append("</ul><p>Les documents (accès avec la clé d'administration) :</p><ul>");
        foreach (var (label, url) in links)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></li>");
        }
        html.Append("</ul><p>Le document Word est un brouillon modifiable : l'équipe le complète avant l'assemblée générale.</p><p>")
            .Append(WebUtility.HtmlEncode(report.FederationName)).Append("</p>");
        return new EmailContent(string.Empty, string.Empty, subject, text.ToString(), html.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual report {Year} compiled in {Seconds:0.0} s")]
    private partial void LogCompiled(int year, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Annual report {Year} failed")]
    private partial void LogFailed(Exception exception, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual report {Year}: {Count} board email(s) planned")]
    private partial void LogBoardEmails(int year, int count);
}
