using System.Text;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class WebhookAndEventReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_generic_registration_gives_one_line_per_attendee_with_stable_ids()
    {
        var (id, command) = WebhookSubmissionReader.Read(Encoding.UTF8.GetBytes(
            """{"submissionId":"form-42","formSlug":"Bien-Dans-Ma-MSP","attendees":[{"firstName":"Louise","lastName":"Exemple","email":"louise.exemple@example.org","amountCents":1500,"tier":"Adhérent"},{"ticketId":"T-2","firstName":"Yann"}]}"""));

        Assert.Equal("form-42", id);
        Assert.Equal(TicketingAction.Register, command.Action);
        Assert.Equal("bien-dans-ma-msp", command.FormSlug);
        Assert.Equal(2, command.Lines.Count);
        Assert.Equal(WebhookSubmissionReader.ExternalIdFor("bien-dans-ma-msp", "form-42-1"), command.Lines[0].ExternalId);
        Assert.Equal(WebhookSubmissionReader.ExternalIdFor("bien-dans-ma-msp", "T-2"), command.Lines[1].ExternalId);
        Assert.Equal(1500, command.Lines[0].AmountCents);
    }

    [Fact]
    public void The_same_ticket_id_from_two_forms_makes_two_tickets_and_two_deliveries()
    {
        const string Body = """{"submissionId":"1","formSlug":"FORM","attendees":[{"ticketId":"1","firstName":"Yann"}]}""";

        var (firstId, first) = TicketingInboxProcessor.Read(TicketSources.Webhook, Encoding.UTF8.GetBytes(Body.Replace("FORM", "outil-a", StringComparison.Ordinal)));
        var (secondId, second) = TicketingInboxProcessor.Read(TicketSources.Webhook, Encoding.UTF8.GetBytes(Body.Replace("FORM", "outil-b", StringComparison.Ordinal)));

        Assert.NotEqual(first.Lines[0].ExternalId, second.Lines[0].ExternalId);
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public void A_generic_cancellation_must_name_the_ticket()
    {
        var error = Assert.Throws<TicketingPayloadException>(() => WebhookSubmissionReader.Read(Encoding.UTF8.GetBytes(
            """{"submissionId":"c-1","action":"cancel","eventId":"ev1","attendees":[{"firstName":"Yann"}]}""")));

        Assert.Equal("attendees[0].ticketId", error.Field);
    }

    [Fact]
    public void A_generic_submission_without_submission_id_is_refused()
    {
        var error = Assert.Throws<TicketingPayloadException>(() => WebhookSubmissionReader.Read(Encoding.UTF8.GetBytes("""{"eventId":"ev1","attendees":[{}]}""")));

        Assert.Equal("submissionId", error.Field);
    }

    [Fact]
    public void Event_times_are_read_as_Paris_wall_clock_in_winter_and_summer()
    {
        var winter = EventSubmissionValidator.Validate(new EventSubmission
        {
            Title = "Journée régionale",
            Kind = "journee-regionale",
            Start = "2027-03-18T09:30",
            End = "2027-03-18T17:00",
            FormSlugs = ["Journee-Regionale-2027"],
            Capacity = 120,
        }, Now).Value!;
        var summer = EventSubmissionValidator.Validate(new EventSubmission
        {
            Title = "Bien dans mes baskets",
            Kind = "bien-dans-mes-baskets",
            Start = "2027-06-10T09:00",
            End = "2027-06-10T16:30",
        }, Now).Value!;

        Assert.Equal(new DateTimeOffset(2027, 3, 18, 8, 30, 0, TimeSpan.Zero), winter.StartsAt.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2027, 6, 10, 7, 0, 0, TimeSpan.Zero), summer.StartsAt.ToUniversalTime());
        Assert.Equal(["journee-regionale-2027"], winter.FormSlugs);
    }

    [Fact]
    public void An_event_with_an_unknown_kind_and_an_end_before_its_start_names_both_fields()
    {
        var result = EventSubmissionValidator.Validate(new EventSubmission
        {
            Title = "Journée",
            Kind = "soirée",
            Start = "2027-03-18T17:00",
            End = "2027-03-18T09:00",
        }, Now);

        Assert.NotNull(result.Errors);
        Assert.Equal(["end", "kind"], result.Errors!.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_same_event_posted_twice_gets_the_same_id()
    {
        var submission = new EventSubmission { Title = "Journée régionale", Kind = "journee-regionale", Start = "2027-03-18T09:30", End = "2027-03-18T17:00" };

        Assert.Equal(EventSubmissionValidator.Validate(submission, Now).Value!.Id, EventSubmissionValidator.Validate(submission, Now.AddDays(1)).Value!.Id);
    }

    [Fact]
    public void The_calendar_file_has_utc_times_crlf_lines_and_no_line_over_75_octets()
    {
        var value = EventSubmissionValidator.Validate(new EventSubmission
        {
            Title = "Journée régionale des maisons de santé pluriprofessionnelles de Bretagne, édition 2027",
            Kind = "journee-regionale",
            Start = "2027-03-18T09:30",
            End = "2027-03-18T17:00",
            Venue = "Le Couvent des Jacobins, Rennes",
        }, Now).Value!;

        var ics = EventCalendar.Write(value, "abc", "AVECsanté Bretagne", Now);

        Assert.Contains("DTSTART:20270318T083000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20270318T160000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Le Couvent des Jacobins\\, Rennes", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }
}
