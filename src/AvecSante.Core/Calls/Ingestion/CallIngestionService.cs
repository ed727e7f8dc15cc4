using AvecSante.Core.Alerts;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Calls.Ingestion;

public sealed record IngestionSummary(IReadOnlyList<SourceRun> Sources, int Closed);

/// <summary>
/// One ingestion run: every enabled source is read (one failing source never stops the others), each candidate is
/// normalised, matched against the calls already known (canonical URL, then funder + deadline day + title), stored or
/// merged with its history, and new relevant calls get their alerts planned the same day.
/// </summary>
public sealed partial class CallIngestionService(
    ICallSourceCatalog sources,
    ISourceRunStore runs,
    ICallRepository calls,
    ICallEventLog events,
    CallAlertPlanner alerts,
    TimeProvider clock,
    ILogger<CallIngestionService> logger)
{
    public async Task<IngestionSummary> IngestAsync(CancellationToken cancellationToken)
    {
        // Loaded once per run: the similarity match compares a candidate with the calls of the same funder and day.
        var known = (await calls.ListAsync(new CallFilter(), cancellationToken).ConfigureAwait(false)).ToList();
        var results = new List<SourceRun>();
        foreach (var source in sources.EnabledSources)
        {
            results.Add(await RunSourceAsync(source, known, cancellationToken).ConfigureAwait(false));
        }
        foreach (var (name, kind) in sources.DisabledSources)
        {
            // Shown as off in the source list, with what it did when it last ran.
            var previous = await runs.GetAsync(name, cancellationToken).ConfigureAwait(false);
            var off = (previous ?? new SourceRun { Source = name, Kind = kind }) with { Enabled = false };
            await runs.SaveAsync(off, cancellationToken).ConfigureAwait(false);
            results.Add(off);
        }
        var closed = await CloseExpiredAsync(known, cancellationToken).ConfigureAwait(false);
        return new IngestionSummary(results, closed);
    }

    private async Task<SourceRun> RunSourceAsync(ICallSource source, List<CallForProjects> known, CancellationToken cancellationToken)
    {
        var previous = await runs.GetAsync(source.Name, cancellationToken).ConfigureAwait(false)
            ?? new SourceRun { Source = source.Name, Kind = source.Kind };
        var startedAt = clock.GetUtcNow();
        SourceRun run;
        try
        {
            var batch = await source.FetchAsync(previous.Cursor, cancellationToken).ConfigureAwait(false);
            int created = 0, changed = 0, rejected = batch.Rejected;
            foreach (var candidate in batch.Candidates)
            {
                switch (await IngestOneAsync(candidate, known, cancellationToken).ConfigureAwait(false))
                {
                    case Outcome.Created: created++; break;
                    case Outcome.Changed: changed++; break;
                    case Outcome.Rejected: rejected++; break;
                }
            }
            run = previous with
            {
                Kind = source.Kind,
                Enabled = true,
                LastRunAt = startedAt,
                LastSuccessAt = startedAt,
                Status = "ok",
                Seen = batch.Candidates.Count + batch.Rejected,
                New = created,
                Changed = changed,
                Rejected = rejected,
                LastError = batch.Warning,
                Cursor = batch.NextCursor ?? previous.Cursor,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One failing source must never stop the others: its error is recorded and shown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSourceFailed(ex, source.Name);
            run = previous with
            {
                Kind = source.Kind,
                Enabled = true,
                LastRunAt = startedAt,
                Status = "failed",
                Seen = 0,
                New = 0,
                Changed = 0,
                Rejected = 0,
                LastError = Describe(ex),
            };
        }
        await runs.SaveAsync(run, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private enum Outcome
    {
        Created,
        Changed,
        Unchanged,
        Rejected,
    }

    private async Task<Outcome> IngestOneAsync(CallCandidate candidate, List<CallForProjects> known, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalised = CallTextNormaliser.Normalise(candidate.Text, candidate.Url, candidate.Sender, candidate.PublishedOn, now);
        if (!normalised.IsFundingCall)
        {
            return Outcome.Rejected;
        }
        var incoming = CallRecordFactory.Create(candidate, normalised, now);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var match = known.FirstOrDefault(k => CallRecordFactory.IsSameCall(k, incoming))
                ?? await calls.GetAsync(incoming.Id, cancellationToken).ConfigureAwait(false);
            if (match is null)
            {
                if (await calls.TryAddAsync(incoming, cancellationToken).ConfigureAwait(false))
                {
                    known.Add(incoming);
                    if (IsAlertable(incoming))
                    {
                        await alerts.PlanNewCallAlertsAsync(incoming, cancellationToken).ConfigureAwait(false);
                    }
                    return Outcome.Created;
                }
                continue; // stored meanwhile by a concurrent run: merge into it
            }

            var (merged, changes, touched) = CallRecordFactory.Merge(match, incoming, candidate.Trust, now);
            if (!touched)
            {
                return Outcome.Unchanged;
            }
            if (await calls.TryUpdateAsync(merged, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                // Someone changed it since it was read (412): read it again and merge again.
                known.Remove(match);
                if (await calls.GetAsync(match.Id, cancellationToken).ConfigureAwait(false) is { } fresh)
                {
                    known.Add(fresh);
                }
                continue;
            }
            known.Remove(match);
            known.Add(stored);
            if (changes.Count == 0)
            {
                return Outcome.Unchanged; // only a new sighting
            }
            await events.AppendAsync(new CallChangedEvent(stored.Id, now, changes), cancellationToken).ConfigureAwait(false);
            LogChanged(stored.Id, changes.Count);
            return Outcome.Changed;
        }
        throw new InvalidOperationException($"Call {incoming.Id} kept changing under this run; it will be read again next run.");
    }

    /// <summary>Alerts go out for calls that say where they apply in Brittany; the others wait for a person to qualify them.</summary>
    internal static bool IsAlertable(CallForProjects call) =>
        call.Status == CallStatus.Open
        && call.Departments.Any(d => Departments.IsBreton(d) || d is Departments.Regional or Departments.National);

    private async Task<int> CloseExpiredAsync(List<CallForProjects> known, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closed = 0;
        foreach (var call in known.Where(c => c.Status == CallStatus.Open && c.Deadline is { } d && d <= now).ToList())
        {
            var change = new CallChange(now, "status", "open", "closed", "deadline");
            var updated = call with { Status = CallStatus.Closed, History = call.History.Append(change).TakeLast(CallRecordFactory.MaxHistory).ToList(), UpdatedAt = now };
            if (await calls.TryUpdateAsync(updated, cancellationToken).ConfigureAwait(false) is not null)
            {
                closed++; // a 412 means another run touched it: that run or the next closes it
            }
        }
        return closed;
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} : la source a répondu par une erreur.",
        HttpRequestException => "La source est injoignable (" + ex.Message + ").",
        TimeoutException or TaskCanceledException => "La source n'a pas répondu à temps.",
        System.Text.Json.JsonException or System.Xml.XmlException or FormatException => "La réponse de la source est illisible (" + ex.GetType().Name + ").",
        _ => ex.GetType().Name + " : " + ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call source {Source} failed; the other sources go on")]
    private partial void LogSourceFailed(Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} changed ({ChangeCount} field(s))")]
    private partial void LogChanged(string callId, int changeCount);
}
