using System.Text;
using System.Text.Json;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class HelloAssoNotificationReaderTests
{
    private static TicketingCommand Read(string file) => HelloAssoNotificationReader.Read(SampleFiles.HelloAsso(file));

    private static TicketingCommand ReadJson(string json) => HelloAssoNotificationReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_order_carries_its_order_id_and_the_api_shape_reads_the_same_lines()
    {
        var notified = Read("demo-order-journee-regionale.json");
        using var document = System.Text.Json.JsonDocument.Parse(SampleFiles.HelloAsso("demo-order-journee-regionale.json"));

        var fromApi = HelloAssoNotificationReader.ReadApiOrder(document.RootElement.GetProperty("data"));

        Assert.Equal("700000001", notified.OrderId);
        Assert.Equal(notified.OrderId, fromApi.OrderId);
        Assert.Equal(notified.FormSlug, fromApi.FormSlug);
        Assert.Equal(notified.Lines.Select(l => (l.ExternalId, l.AmountCents)), fromApi.Lines.Select(l => (l.ExternalId, l.AmountCents)));
        Assert.Throws<TicketingPayloadException>(() => HelloAssoNotificationReader.ReadApiOrder(default));
    }

    [Fact]
    public void Every_sample_file_is_read_without_error()
    {
        foreach (var file in SampleFiles.HelloAssoFixtures)
        {
            var command = Read(file);
            Assert.False(string.IsNullOrEmpty(command.NotificationType), file);
        }
    }

    [Fact]
    public void The_real_event_order_gives_one_ticket_per_registration_item_keyed_by_item_id()
    {
        var command = Read("order-event-nantralplatform-redacted.json");

        Assert.Equal(TicketingAction.Register, command.Action);
        Assert.Equal("Order", command.NotificationType);
        Assert.Equal("nantralpay", command.FormSlug);
        Assert.Equal(["98811081", "98811082"], command.Lines.Select(l => l.ExternalId));
        Assert.All(command.Lines, l => Assert.Equal(TicketSources.HelloAsso, l.Source));
        Assert.All(command.Lines, l => Assert.Equal("98811081", l.OrderId));
        Assert.All(command.Lines, l => Assert.False(l.Cancelled));
    }

    [Fact]
    public void Amounts_come_from_the_items_not_from_the_order_total_of_zero()
    {
        var command = Read("order-event-nantralplatform-redacted.json");

        Assert.Equal(0, command.DeclaredTotalCents);
        Assert.Equal([0L, 100L], command.Lines.Select(l => l.AmountCents));
        Assert.Equal(100, command.Lines.Sum(l => l.AmountCents));
    }

    [Fact]
    public void Each_attendee_gets_the_email_answered_in_the_form_not_the_payers()
    {
        var command = Read("order-event-nantralplatform-redacted.json");

        Assert.Equal(["attendee1.redacted@example.org", "attendee2.redacted@example.org"], command.Lines.Select(l => l.Attendee.Email));
        Assert.All(command.Lines, l => Assert.Equal("REDACTED", l.Attendee.FirstName));
    }

    [Fact]
    public void The_official_payment_form_order_gives_one_paid_line_with_the_payers_email()
    {
        var command = Read("order-paymentform-official-sample.json");

        Assert.Equal(TicketingAction.Register, command.Action);
        Assert.Equal("vente-de-noel", command.FormSlug);
        var line = Assert.Single(command.Lines);
        Assert.Equal("1", line.ExternalId);
        Assert.Equal(1000, line.AmountCents);
        Assert.Equal(1000, command.DeclaredTotalCents);
        Assert.Equal("camille.exemple@example.org", line.Attendee.Email);
        Assert.Equal("Camille", line.Attendee.FirstName);
    }

    [Fact]
    public void An_authorised_donation_payment_is_ignored_because_tickets_come_with_orders()
    {
        var command = Read("payment-donation-devdocs.json");

        Assert.Equal(TicketingAction.Ignore, command.Action);
        Assert.Equal("Payment", command.NotificationType);
        Assert.Equal("3", command.FormSlug);
        Assert.Contains("Authorized", command.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_notification_is_acknowledged_and_ignored()
    {
        var command = Read("form-official-sample.json");

        Assert.Equal(TicketingAction.Ignore, command.Action);
        Assert.Equal("Form", command.NotificationType);
        Assert.Empty(command.Lines);
    }

    [Fact]
    public void The_demo_order_gives_three_registrations_with_their_own_addresses_and_prices()
    {
        var command = Read("demo-order-journee-regionale.json");

        Assert.Equal("journee-regionale-2027", command.FormSlug);
        Assert.Equal([2500L, 2500L, 4000L], command.Lines.Select(l => l.AmountCents));
        Assert.Equal(["maelle.legall@example.org", "yann.kerbrat@example.org", "louise.exemple@example.org"], command.Lines.Select(l => l.Attendee.Email));
        Assert.Equal("Non adhérent", command.Lines[2].TierName);
    }

    [Fact]
    public void A_refunded_payment_cancels_the_items_it_paid()
    {
        var command = Read("demo-payment-refunded.json");

        Assert.Equal(TicketingAction.Cancel, command.Action);
        Assert.Equal("journee-regionale-2027", command.FormSlug);
        var line = Assert.Single(command.Lines);
        Assert.Equal("700000002", line.ExternalId);
        Assert.True(line.Cancelled);
    }

    [Fact]
    public void An_invalid_payer_address_in_a_sample_is_not_used_as_an_email()
    {
        Assert.Null(HelloAssoNotificationReader.Email("[email protected]"));
        Assert.Equal("a.b@example.org", HelloAssoNotificationReader.Email(" a.b@example.org "));
    }

    [Fact]
    public void An_item_marked_cancelled_in_an_order_is_read_as_cancelled()
    {
        var command = ReadJson("""{"eventType":"Order","data":{"formSlug":"f","id":5,"items":[{"id":9,"type":"Registration","amount":100,"isCanceled":true}]}}""");

        Assert.True(Assert.Single(command.Lines).Cancelled);
    }

    [Fact]
    public void Donations_and_other_non_ticket_items_are_not_tickets()
    {
        var command = ReadJson("""{"eventType":"Order","data":{"formSlug":"f","id":5,"items":[{"id":9,"type":"Donation","amount":1000}]}}""");

        Assert.Equal(TicketingAction.Ignore, command.Action);
    }

    [Fact]
    public void Unknown_event_types_are_ignored_not_refused()
    {
        var command = ReadJson("""{"eventType":"Refund","data":{}}""");

        Assert.Equal(TicketingAction.Ignore, command.Action);
        Assert.Equal("type de notification inconnu", command.IgnoredReason);
    }

    [Fact]
    public void A_body_without_event_type_is_refused_naming_the_field()
    {
        var error = Assert.Throws<TicketingPayloadException>(() => ReadJson("""{"data":{}}"""));

        Assert.Equal("eventType", error.Field);
    }

    [Fact]
    public void A_ticket_item_without_id_is_refused_naming_the_item()
    {
        var error = Assert.Throws<TicketingPayloadException>(() => ReadJson("""{"eventType":"Order","data":{"items":[{"type":"Registration"}]}}"""));

        Assert.Equal("data.items[0].id", error.Field);
    }

    [Fact]
    public void Malformed_json_surfaces_as_a_json_exception()
    {
        Assert.ThrowsAny<JsonException>(() => ReadJson("{\"eventType\": \"Order\", "));
    }
}
