using System.Text.Json;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class HelloAssoRefundConfirmationTests
{
    private static JsonElement Order(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Items_are_void_by_their_state_their_cancel_flag_or_all_their_payments_refunded()
    {
        var order = Order("""
            { "payments": [ { "id": 1, "state": "Refunded" }, { "id": 2, "state": "Authorized" } ],
              "items": [
                { "id": 10, "state": "Processed", "payments": [ { "id": 2 } ] },
                { "id": 11, "state": "Refunded" },
                { "id": 12, "state": "Processed", "isCanceled": true },
                { "id": 13, "state": "Processed", "payments": [ { "id": 1 } ] },
                { "id": 14, "state": "Processed", "payments": [ { "id": 1 }, { "id": 2 } ] } ] }
            """);

        Assert.Equal(["11", "12", "13"], HelloAssoRefundConfirmation.VoidItemIds(order).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_refund_keeps_only_the_lines_the_api_confirms_and_takes_the_api_form()
    {
        var refund = HelloAssoNotificationReader.Read(SampleFiles.HelloAsso("demo-payment-refunded.json"));
        var order = Order("""{ "formSlug": "the-api-form", "items": [ { "id": 700000002, "state": "Refunded" } ] }""");

        var confirmed = HelloAssoRefundConfirmation.Confirm(refund with { FormSlug = "forged-form" }, order);

        Assert.Equal(TicketingAction.Cancel, confirmed.Action);
        Assert.Equal("the-api-form", confirmed.FormSlug);
        Assert.Equal("700000002", Assert.Single(confirmed.Lines).ExternalId);
        Assert.Equal("700000001", refund.OrderId);
    }

    [Fact]
    public void A_refund_of_paid_items_is_ignored()
    {
        var refund = HelloAssoNotificationReader.Read(SampleFiles.HelloAsso("demo-payment-refunded.json"));

        var confirmed = HelloAssoRefundConfirmation.Confirm(refund, Order("""{ "items": [ { "id": 700000002, "state": "Processed" } ] }"""));

        Assert.Equal(TicketingAction.Ignore, confirmed.Action);
    }
}
