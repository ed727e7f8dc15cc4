using System.Globalization;
using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Alerts;

/// <summary>The weekly digest: Monday from 08:00 Paris, the week's new calls and the deadlines of the next three weeks.</summary>
public sealed partial class DigestPlanner(
    ICallRepository calls,
    IPeopleDirectory people,
    IOutboxStore outbox,
    IAlertStateStore state,
    AlertRouting routing,
    TimeProvider clock,
    ILogger<DigestPlanner> logger)
{
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(21);

    /// <param name="force">Plan this week's digest now, whatever the day and hour (a staff action); keys still prevent doubles.</param>
    public async Task<ScheduledRun> RunAsync(bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paris = ParisTime.ToParis(now);
        var today = AlertClock.Day(paris);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var week = AlertClock.Week(monday);
        var mark = "digest~" + week;
        if (!force && (today != monday || !AlertClock.IsTimeToAct(paris) || await state.GetAsync(mark, cancellationToken).ConfigureAwait(false) is not null))
        {
            return new ScheduledRun(false, 0);
        }

        // The week is the seven days before Monday 08:00 Paris; a call seen after 08:00 goes in the next digest.
        // Asked for now (staff), the week ends now, so what came in since Monday is in it.
        var cutoff = force ? now : ParisTime.FromLocal(monday.ToDateTime(new TimeOnly(AlertClock.Hour, 0)));
        var all = await calls.ListAsync(new CallFilter(), cancellationToken).ConfigureAwait(false);
        var fresh = all.Where(c => c.CreatedAt >= cutoff.AddDays(-7) && c.CreatedAt < cutoff && c.Status == CallStatus.Open)
            .OrderBy(c => c.Deadline ?? DateTimeOffset.MaxValue).ToList();
        var upcoming = all.Where(c => c.Status == CallStatus.Open && c.Deadline is { } d && d > now && d <= cutoff + UpcomingWindow)
            .OrderBy(c => c.Deadline).ToList();

        var templates = new Dictionary<string, EmailContent>(StringComparer.Ordinal);
        var messages = new List<OutboxMessage>();
        foreach (var person in await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!AlertKinds.Allows(person.Preferences, AlertKinds.Digest))
            {
                continue;
            }
            var mine = fresh.Where(c => CallMatcher.Match(c, person) is not null).ToList();
            var soon = upcoming.Where(c => CallMatcher.Match(c, person) is not null).ToList();
            if (mine.Count == 0 && soon.Count == 0)
            {
                continue; // nothing to say: no empty digest
            }
            // People who follow the same calls get the same bytes, so SendGrid batches them too.
            var contentKey = string.Join(',', mine.Select(c => c.Id)) + "|" + string.Join(',', soon.Select(c => c.Id));
            if (!templates.TryGetValue(contentKey, out var template))
            {
                template = DigestComposer.Template(mine, soon, monday, now);
                templates[contentKey] = template;
            }
            messages.Add(routing.Envelope(person, template, AlertKinds.Digest, week, reason: null, now));
        }
        var planned = await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
        await state.SetAsync(mark, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        LogPlanned(week, planned.Count);
        return new ScheduledRun(true, planned.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Week}: {Planned} newly planned")]
    private partial void LogPlanned(string week, int planned);
}
