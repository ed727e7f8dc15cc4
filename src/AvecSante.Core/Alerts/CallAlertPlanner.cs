using System.Text.Json;
using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;

namespace AvecSante.Core.Alerts;

/// <summary>Which addresses belong to the federation's tenant (mailed through Graph), and the links every email carries.</summary>
public sealed class AlertRouting(IReadOnlyCollection<string> tenantDomains, SignedLinks? links)
{
    public SignedLinks? Links => links;

    public NotificationChannel EmailChannelFor(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? string.Empty : address[(at + 1)..];
        return tenantDomains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase))
            ? NotificationChannel.TenantEmail
            : NotificationChannel.Email;
    }

    /// <summary>One person's copy of a template: the idempotency key is recipient × subject-of-send × kind.</summary>
    public OutboxMessage Envelope(Person person, EmailContent template, string kind, string subjectOfSend, string? reason, DateTimeOffset now, string? reportSubject = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(template);
        var key = $"{person.Id}|{subjectOfSend}|{kind}";
        var channel = EmailChannelFor(person.Email);
        return new OutboxMessage
        {
            Id = OutboxMessage.IdFor(key),
            IdempotencyKey = key,
            Kind = kind,
            Channel = channel,
            RecipientId = person.Id,
            Subject = reportSubject ?? subjectOfSend,
            Email = template with { ToAddress = person.Email, ToName = person.DisplayName },
            BatchKey = channel == NotificationChannel.Email ? AlertLayout.BatchKey(kind, template) : null,
            Substitutions = EmailTokens.For(person, reason, links),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>A message to a shared destination (the calendar, the Teams channel): no person, a JSON payload.</summary>
    public static OutboxMessage Shared(string destination, NotificationChannel channel, string kind, string subjectOfSend, string reportSubject, string title, string payload, DateTimeOffset now)
    {
        var key = $"{destination}|{subjectOfSend}|{kind}";
        return new OutboxMessage
        {
            Id = OutboxMessage.IdFor(key),
            IdempotencyKey = key,
            Kind = kind,
            Channel = channel,
            RecipientId = destination,
            Subject = reportSubject,
            Email = new EmailContent(string.Empty, string.Empty, title, string.Empty, string.Empty),
            Payload = payload,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}

/// <summary>
/// Finds the people a call concerns and plans their alerts in the outbox (never twice): the email of a new call, the
/// email of a change, the deadline in the shared calendar, the card in the Teams channel.
/// </summary>
public sealed class CallAlertPlanner(IPeopleDirectory people, IOutboxStore outbox, TimeProvider clock, AlertRouting routing, IExperienceSheetFinder? sheets = null)
{
    public const string NewCallKind = AlertKinds.NewCall;
    public const string SharedCalendar = "shared-calendar";
    public const string TeamsChannel = "teams-channel";

    /// <returns>How many emails were newly planned (0 when they all existed already).</returns>
    public async Task<int> PlanNewCallAlertsAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Status != CallStatus.Open)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var recipients = await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false);
        var matched = recipients
            .Where(p => AlertKinds.Allows(p.Preferences, AlertKinds.NewCall))
            .Select(p => (Person: p, Reason: CallMatcher.Match(call, p)))
            .Where(x => x.Reason is not null)
            .ToList();

        var messages = new List<OutboxMessage>(matched.Count + 2);
        if (matched.Count > 0)
        {
            // One template per call: every recipient gets the same bytes, with their own tokens.
            var template = NewCallAlertComposer.Template(call, now, await FindSheetsAsync(call, cancellationToken).ConfigureAwait(false));
            messages.AddRange(matched.Select(x => routing.Envelope(x.Person, template, AlertKinds.NewCall, call.Id, x.Reason!.ToFrench(), now)));
        }
        if (call.Deadline is not null)
        {
            messages.Add(CalendarMessage(call, cancelled: false, now));
        }
        messages.Add(AlertRouting.Shared(TeamsChannel, NotificationChannel.Teams, AlertKinds.Teams, call.Id, call.Id, call.Title, TeamsCard.ForNewCall(call, now), now));

        var planned = await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
        return planned.Count(m => m.Kind == AlertKinds.NewCall);
    }

    /// <summary>Plans the emails of a change (deadline moved, cancelled, reopened) and the calendar's update.</summary>
    public async Task<int> PlanCallChangedAsync(CallChangedEvent change, CallForProjects call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(call);
        // Nobody was told of a held call, nor of what changed before its review: the review's own alert says it all.
        if (call.Status == CallStatus.ToReview || change.At < call.ReviewedAt || CallChangeMeaning.Of(change, call) is not { } meaning)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var template = CallChangedComposer.Template(call, meaning, now);
        var subjectOfSend = $"{call.Id}~{change.At.UtcTicks}";
        var messages = new List<OutboxMessage>();
        foreach (var person in await people.ListAlertRecipientsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (AlertKinds.Allows(person.Preferences, AlertKinds.CallChanged) && CallMatcher.Match(call, person) is { } reason)
            {
                messages.Add(routing.Envelope(person, template, AlertKinds.CallChanged, subjectOfSend, reason.ToFrench(), now, call.Id));
            }
        }
        if (call.Deadline is not null)
        {
            messages.Add(CalendarMessage(call, cancelled: meaning.Kind == CallChangeKind.Cancelled, now));
        }
        var planned = await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
        return planned.Count(m => m.Kind == AlertKinds.CallChanged);
    }

    /// <summary>One message per state of the entry (deadline, cancelled), so each state is published exactly once.</summary>
    private static OutboxMessage CalendarMessage(CallForProjects call, bool cancelled, DateTimeOffset now)
    {
        var entry = DeadlineCalendar.EntryFor(call, cancelled);
        var state = cancelled ? "cancelled" : entry.Deadline.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return AlertRouting.Shared(SharedCalendar, NotificationChannel.Calendar, AlertKinds.Calendar, $"{call.Id}~{state}", call.Id,
            DeadlineCalendar.Summary(entry), JsonSerializer.Serialize(entry), now);
    }

    private async Task<IReadOnlyList<DocumentSummary>> FindSheetsAsync(CallForProjects call, CancellationToken cancellationToken)
    {
        if (sheets is null || call.Themes.FirstOrDefault(Themes.IsKnown) is not { } theme)
        {
            return [];
        }
        return await sheets.FindForThemeAsync(theme, IExperienceSheetFinder.DefaultMax, cancellationToken).ConfigureAwait(false);
    }
}
