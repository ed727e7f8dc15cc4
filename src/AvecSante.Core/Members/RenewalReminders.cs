using System.Globalization;
using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Notifications;
using AvecSante.Core.People;
using Microsoft.Extensions.Logging;

namespace AvecSante.Core.Members;

/// <summary>The two renewal reminders of a membership year, and the outbox kind they are sent as.</summary>
public static class RenewalStages
{
    /// <summary>Outbox kind: not a personal alert, so unsubscribing from alerts does not stop it.</summary>
    public const string Kind = "membership-renewal";

    /// <summary>In January of year N: the structure has not paid year N yet.</summary>
    public const string January = "janvier";

    /// <summary>After January, still in grace and still unpaid: the second reminder, with the date the membership lapses.</summary>
    public const string Grace = "grace";

    /// <summary>The subject-of-send of the idempotency key <c>{personId}|renewal-{year}-{stage}|membership-renewal</c>.</summary>
    public static string SubjectOfSend(int year, string stage) => $"renewal-{year.ToString(CultureInfo.InvariantCulture)}-{stage}";
}

/// <summary>One structure to remind: which stage, for which year, until when grace lasts, and to whom.</summary>
public sealed record RenewalCandidate(MemberStructure Structure, string Stage, int Year, DateOnly LastDayOfGrace, IReadOnlyList<Person> Contacts);

/// <summary>
/// Who gets a renewal reminder on a given Paris day. The status rules put an unpaid member in grace from 1 January,
/// so both stages concern structures in grace: "janvier" during January, "grace" (the second reminder) afterwards,
/// until grace ends. Structures that paid (new or current), left, lapsed or never paid get nothing.
/// </summary>
public static class RenewalRules
{
    public static IReadOnlyList<RenewalCandidate> Candidates(
        IEnumerable<MemberStructure> structures, IReadOnlyList<Cotisation> cotisations, IReadOnlyList<Person> people, DateOnly today, int graceMonths)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(cotisations);
        ArgumentNullException.ThrowIfNull(people);
        var byStructure = cotisations.ToLookup(c => c.StructureId, StringComparer.Ordinal);
        var candidates = new List<RenewalCandidate>();
        foreach (var structure in structures.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var fees = byStructure[structure.Id].ToList();
            if (MembershipStatusRules.Compute(structure, fees, today, graceMonths) != MembershipStatus.Grace)
            {
                continue;
            }
            var lastPaid = fees.Where(c => c.PaidOn is not null).Max(c => c.Year);
            var lastDayOfGrace = MembershipStatusRules.GraceEnds(new DateOnly(lastPaid, 12, 31), graceMonths);
            var (stage, year) = today.Month == 1 ? (RenewalStages.January, today.Year) : (RenewalStages.Grace, lastPaid + 1);
            candidates.Add(new RenewalCandidate(structure, stage, year, lastDayOfGrace, ContactsOf(structure.Id, people)));
        }
        return candidates;
    }

    /// <summary>Coordinators and leaders of the structure; if it has none, anyone linked to it. People without an address are left out.</summary>
    public static IReadOnlyList<Person> ContactsOf(string structureId, IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var linked = people
            .Where(p => !string.IsNullOrWhiteSpace(p.Email) && p.StructureIds.Contains(structureId, StringComparer.Ordinal))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var leads = linked.Where(p => p.Roles.Contains(MemberRoles.Coordinator, StringComparer.Ordinal) || p.Roles.Contains(MemberRoles.Leader, StringComparer.Ordinal)).ToList();
        return leads.Count > 0 ? leads : linked;
    }
}

/// <summary>The renewal emails, in French, text and HTML. The greeting is a token, so one template serves all contacts of a structure.</summary>
public static class RenewalReminderComposer
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"1er avril 2027", "31 mars 2027".</summary>
    public static string FrenchDate(DateOnly day) =>
        day.Day == 1 ? "1er " + day.ToString("MMMM yyyy", French) : day.ToString("d MMMM yyyy", French);

    public static EmailContent Template(RenewalCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var name = candidate.Structure.Name;
        var year = candidate.Year.ToString(CultureInfo.InvariantCulture);
        var lastDay = FrenchDate(candidate.LastDayOfGrace);
        var lapses = FrenchDate(candidate.LastDayOfGrace.AddDays(1));
        var second = candidate.Stage == RenewalStages.Grace;
        var subject = second
            ? $"Rappel : votre adhésion {year} à AVECsanté Bretagne prendra fin le {lastDay}"
            : $"Renouvellement de votre adhésion {year}";
        var opening = second
            ? $"Nous n'avons pas encore reçu la cotisation {year} de « {name} ». Votre adhésion est en période de grâce : sans règlement, elle prendra fin le {lastDay} au soir et ne sera plus active à partir du {lapses}."
            : $"Une nouvelle année commence : il est temps de renouveler l'adhésion de « {name} » à AVECsanté Bretagne pour {year}. Votre adhésion reste active jusqu'au {lastDay} ; au-delà, sans cotisation {year}, elle prendra fin.";
        const string Purpose = "La cotisation finance l'accompagnement des équipes de soins coordonnés par la fédération : appui aux projets de santé et à l'ACI, veille et alertes sur les appels à projets, formations et rencontres régionales, et représentation auprès de l'ARS, de l'Assurance maladie et d'AVECsanté national.";
        const string HowToPay = "Pour régler, répondez à ce message ou contactez l'équipe de la fédération : nous vous adresserons l'appel de cotisation avec les modalités de paiement (virement ou chèque).";
        const string Ignore = "Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message.";

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Bonjour {EmailTokens.FirstName},")
            .AppendLine()
            .AppendLine(opening)
            .AppendLine()
            .AppendLine(Purpose)
            .AppendLine()
            .AppendLine(HowToPay)
            .AppendLine()
            .AppendLine(Ignore)
            .AppendLine()
            .AppendLine("L'équipe d'AVECsanté Bretagne")
            .ToString();
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html.Encode(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
            <p>Bonjour {EmailTokens.FirstNameHtml},</p>
            <h1>{Html.Encode(subject)}</h1>
            <p>{Html.Encode(opening)}</p>
            <h2>À quoi sert la cotisation</h2>
            <p>{Html.Encode(Purpose)}</p>
            <h2>Comment régler</h2>
            <p>{Html.Encode(HowToPay)}</p>
            <p>{Html.Encode(Ignore)}</p>
            <footer><p>L&#39;équipe d&#39;AVECsanté Bretagne</p></footer>
            </body>
            </html>
            """;
        return new EmailContent(string.Empty, string.Empty, subject, text, html);
    }
}

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
