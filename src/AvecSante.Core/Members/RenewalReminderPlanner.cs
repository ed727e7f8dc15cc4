using System.Globalization;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Members;

/// <summary>What a renewal run did, or would do in a dry run: structures (ids and names), never people.</summary>
public sealed record RenewalReminderLine(string StructureId, string StructureName, string Stage, int Year, int Contacts, int Planned);

public sealed record RenewalReminderReport(bool DryRun, bool Acted, DateOnly Day, IReadOnlyList<RenewalReminderLine> Structures, int Planned);

/// <summary>
/// Plans the renewal reminders in the outbox. The timer fires hourly in UTC; the planner acts on working days from
/// 08:00 Paris, once a day (state mark), and each reminder is planned once per person, year and stage (outbox key
/// <c>{personId}|renewal-{year}-{stage}|membership-renewal</c>), so running late, twice or concurrently sends nothing twice.
/// </summary>
public sealed partial class RenewalReminderPlanner(
    IStructureRepository structures,
    ICotisationRepository cotisations,
    IPeopleRegister people,
    IOutboxStore outbox,
    IAlertStateStore state,
    AlertRouting routing,
    TimeProvider clock,
    int graceMonths,
    ILogger<RenewalReminderPlanner> logger)
{
    /// <param name="force">A staff action: act now, whatever the day and hour (keys still prevent doubles).</param>
    /// <param name="dryRun">List who would be reminded, plan nothing.</param>
    public async Task<RenewalReminderReport> RunAsync(bool force, bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paris = ParisTime.ToParis(now);
        var today = AlertClock.Day(paris);
        var mark = "renewal~" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!force && (!IsWorkingDay(today) || !AlertClock.IsTimeToAct(paris) || await state.GetAsync(mark, cancellationToken).ConfigureAwait(false) is not null))
        {
            return new RenewalReminderReport(dryRun, false, today, [], 0);
        }

        var candidates = RenewalRules.Candidates(
            await structures.ListAsync(cancellationToken).ConfigureAwait(false),
            await cotisations.ListAsync(cancellationToken).ConfigureAwait(false),
            await people.ListAllAsync(cancellationToken).ConfigureAwait(false),
            today,
            graceMonths);
        var messages = new List<OutboxMessage>();
        var structureOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in candidates.Where(c => c.Contacts.Count > 0))
        {
            var template = RenewalReminderComposer.Template(candidate);
            foreach (var contact in candidate.Contacts)
            {
                var message = routing.Envelope(contact, template, RenewalStages.Kind, RenewalStages.SubjectOfSend(candidate.Year, candidate.Stage), reason: null, now, candidate.Structure.Id);
                if (structureOf.TryAdd(message.Id, candidate.Structure.Id))
                {
                    messages.Add(message); // a person who leads two structures in grace gets one reminder (same key)
                }
            }
        }

        var plannedPerStructure = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = 0;
        if (!dryRun)
        {
            foreach (var message in await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false))
            {
                var id = structureOf[message.Id];
                plannedPerStructure[id] = plannedPerStructure.GetValueOrDefault(id) + 1;
                planned++;
            }
            await state.SetAsync(mark, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            LogPlanned(today, candidates.Count, planned);
        }
        var lines = candidates
            .Select(c => new RenewalReminderLine(c.Structure.Id, c.Structure.Name, c.Stage, c.Year, c.Contacts.Count, plannedPerStructure.GetValueOrDefault(c.Structure.Id)))
            .ToList();
        return new RenewalReminderReport(dryRun, true, today, lines, planned);
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchHolidays.IsHoliday(day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewal reminders of {Day}: {Structures} structure(s) to remind, {Planned} email(s) newly planned")]
    private partial void LogPlanned(DateOnly day, int structures, int planned);
}
