using System.Globalization;
using AvecSante.Api.Http;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Calls;

/// <summary>The body of POST /api/calls/preview when sent as JSON.</summary>
public sealed record CallPreviewRequest(string? Text, string? SourceUrl, string? Sender, string? PublishedOn);

/// <summary>Ingestion over HTTP: preview a pasted call, run the sources now, see their health.</summary>
public sealed class CallIngestionHandlers(CallIngestionService ingestion, ISourceRunStore runs, ICallRepository calls, TimeProvider clock)
{
    public const int MaxPreviewCharacters = 2_000_000;

    /// <summary>
    /// POST /api/calls/preview: the raw text or HTML of a call (JSON {text, sourceUrl, sender, publishedOn}, or a
    /// text/plain or text/html body with ?sourceUrl=) → the call it would become. Nothing is stored.
    /// </summary>
    public async Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (read, unreadable) = await ReadPreviewAsync(request, cancellationToken).ConfigureAwait(false);
        if (read is not { } preview)
        {
            return unreadable!;
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(preview.Text))
        {
            errors.Add("text", "Le texte de l'appel est vide : collez le courriel ou la page de l'appel.");
        }
        else if (preview.Text.Length > MaxPreviewCharacters)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Le texte dépasse 2 millions de caractères.");
        }
        Uri? sourceUrl = null;
        if (!string.IsNullOrWhiteSpace(preview.SourceUrl) && (!Uri.TryCreate(preview.SourceUrl, UriKind.Absolute, out sourceUrl) || sourceUrl.Scheme is not ("http" or "https")))
        {
            errors.Add("sourceUrl", "Le lien source doit être une adresse web complète (https://…).");
        }
        DateOnly? publishedOn = null;
        if (!string.IsNullOrWhiteSpace(preview.PublishedOn))
        {
            if (DateOnly.TryParseExact(preview.PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p))
            {
                publishedOn = p;
            }
            else
            {
                errors.Add("publishedOn", "La date de publication doit être au format AAAA-MM-JJ.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var normalised = CallTextNormaliser.Normalise(preview.Text!, sourceUrl, preview.Sender, publishedOn, now);
        var candidate = new CallCandidate { Source = "preview", Text = preview.Text!, Url = sourceUrl, Sender = preview.Sender, PublishedOn = publishedOn };
        var call = CallRecordFactory.Create(candidate, normalised, now);
        return TypedResults.Ok(new
        {
            call = CallResponse.From(call),
            funderKind = normalised.Funder.Kind.ToString(),
            kind = call.Kind,
            normalised.IsFundingCall,
            normalised.NotFundingReason,
            deadlineEvidence = normalised.DeadlineEvidence,
            deadlineHasTime = normalised.DeadlineHasTime,
            isRolling = normalised.IsRolling,
            deadlineDisagreement = normalised.DeadlineDisagreement,
            sessions = normalised.DeadlineSessions.Select(Dated),
            intermediateDates = normalised.IntermediateDates.Select(Dated),
            amount = normalised.Amount is { } a ? new { euros = a.Euros, kind = a.Kind.ToString(), evidence = a.Evidence } : null,
        });
    }

    /// <summary>The preview as JSON, or a text/plain or text/html body with its fields in the query string.</summary>
    private static async Task<(CallPreviewRequest? Preview, IResult? Problem)> ReadPreviewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            var (body, problem) = await JsonBody.ReadAsync<CallPreviewRequest>(request, cancellationToken).ConfigureAwait(false);
            return (body, problem);
        }
        if (request.ContentType is { } type && (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(request.Body);
            return (new CallPreviewRequest(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), request.Query["sourceUrl"], request.Query["sender"], request.Query["publishedOn"]), null);
        }
        return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
            "Envoyez le texte de l'appel en JSON ({\"text\": …}), en text/plain ou en text/html."));
    }

    /// <summary>POST /api/calls/ingest: run every enabled source now.</summary>
    public async Task<IResult> IngestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var summary = await ingestion.IngestAsync(cancellationToken).ConfigureAwait(false);
        var held = await HeldBySourceAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new { sources = summary.Sources.Select(r => SourceResponse(r, held)), closed = summary.Closed });
    }

    /// <summary>GET /api/calls/sources: last run, counts, calls waiting "à vérifier" and last error of each source.</summary>
    public async Task<IResult> SourcesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await runs.ListAsync(cancellationToken).ConfigureAwait(false);
        var held = await HeldBySourceAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.OrderBy(r => r.Source, StringComparer.Ordinal).Select(r => SourceResponse(r, held)));
    }

    /// <summary>The review queue counted by the source that brought each call: a source whose calls are often held reads badly.</summary>
    private async Task<Dictionary<string, int>> HeldBySourceAsync(CancellationToken cancellationToken) =>
        (await calls.ListAsync(new CallFilter(Status: CallStatus.ToReview), cancellationToken).ConfigureAwait(false))
            .GroupBy(c => c.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static object SourceResponse(SourceRun run, Dictionary<string, int> held) => new
    {
        run.Source,
        run.Kind,
        run.Enabled,
        run.Status,
        run.LastRunAt,
        run.LastSuccessAt,
        run.Seen,
        run.New,
        run.Changed,
        run.Rejected,
        toReview = held.GetValueOrDefault(run.Source),
        run.LastError,
    };

    private static object Dated(DatedPhrase d) => new
    {
        instant = ParisTime.ToParis(d.Instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        hasTime = d.Time is not null,
        role = d.Role.ToString().ToLowerInvariant(),
        d.Evidence,
        d.Department,
    };
}
