using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using Microsoft.Extensions.Logging;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// Ticketing as a holder of personal data. Access: the person's tickets (by person id or any of their emails) with
/// the event they are for. Erasure: the attendee of those tickets is blanked (status, amount, attendance and the seat
/// counter stay, so the event's figures and the annual report do not move), then every raw payload of the inbox that
/// mentions the person is rewritten with their data replaced by "[effacé]". Events are few: each is one
/// partition-scoped query. Logs carry ids and counts only.
/// </summary>
public sealed partial class TicketingPersonalData(
    IEventRepository events,
    ITicketStore tickets,
    ITicketingInbox inbox,
    IRawPayloadArchive archive,
    ILogger<TicketingPersonalData> logger) : IPersonalDataHolder
{
    public string Section => "tickets";

    public async Task<object?> ExportAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var emails = Emails(person);
        var result = new List<object>();
        foreach (var value in await events.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var t in await tickets.ListForPersonAsync(value.Id, person.Id, emails, cancellationToken).ConfigureAwait(false))
            {
                result.Add(new
                {
                    EventId = value.Id,
                    EventTitle = value.Title,
                    EventStartsAt = value.StartsAt,
                    Status = t.Status.ToString().ToLowerInvariant(),
                    t.TierName,
                    t.AmountCents,
                    t.Attended,
                    t.Attendee.FirstName,
                    t.Attendee.LastName,
                    t.Attendee.Email,
                    t.CreatedAt,
                    t.CancelledAt,
                });
            }
        }
        return result;
    }

    public async Task<int> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var emails = Emails(person);
        var ticketsErased = 0;
        string? firstName = NullIfBlank(person.FirstName), lastName = NullIfBlank(person.LastName);
        foreach (var value in await events.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (firstName is null || lastName is null)
            {
                // Erasure by address (an attendee who is in no file): the names the tickets give find the raw payloads.
                var named = (await tickets.ListForPersonAsync(value.Id, person.Id, emails, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(t => NullIfBlank(t.Attendee.FirstName) is not null && NullIfBlank(t.Attendee.LastName) is not null);
                (firstName, lastName) = named is null ? (firstName, lastName) : (named.Attendee.FirstName, named.Attendee.LastName);
            }
            ticketsErased += await tickets.EraseAttendeeAsync(value.Id, person.Id, emails, cancellationToken).ConfigureAwait(false);
        }

        var terms = PersonalTerms.Of(person.Email, person.OtherEmails, firstName, lastName);
        var payloadsRedacted = 0;
        var records = await inbox.ListAllAsync(cancellationToken).ConfigureAwait(false);
        // Notifications and submissions as received, then the attendance sheets staff imported (names and emails too).
        var attendanceSheets = await archive.ListAsync(AttendanceImporter.ArchiveFolder, cancellationToken).ConfigureAwait(false);
        foreach (var blobName in records.Select(r => r.BlobName).Concat(attendanceSheets).Distinct(StringComparer.Ordinal))
        {
            if (await archive.RedactAsync(blobName, body => RawPayloadRedactor.Redact(body, terms), cancellationToken).ConfigureAwait(false))
            {
                payloadsRedacted++;
            }
        }
        LogErased(person.Id, ticketsErased, payloadsRedacted);
        return ticketsErased + payloadsRedacted;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<string> Emails(Person person) =>
        PersonalTerms.Of(person.Email, person.OtherEmails, null, null).Emails.ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Person {PersonId}: {Tickets} ticket(s) blanked, {Payloads} raw payload(s) redacted")]
    private partial void LogErased(string personId, int tickets, int payloads);
}
