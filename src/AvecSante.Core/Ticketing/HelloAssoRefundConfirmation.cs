using System.Text.Json;

namespace AvecSante.Core.Ticketing;

/// <summary>
/// Which items of an order the HelloAsso API itself reports void: the item is cancelled (<c>isCanceled</c>), its state
/// is refunded, cancelled, refused or contested, or every payment it was paid by is in such a state. A refund
/// notification only cancels the items this confirms: the notification alone proves nothing.
/// </summary>
public static class HelloAssoRefundConfirmation
{
    private static readonly HashSet<string> VoidStates = new(StringComparer.OrdinalIgnoreCase) { "Refunded", "Refunding", "Canceled", "Cancelled", "Refused", "Contested" };

    /// <summary>The ids of the order's items the API reports void.</summary>
    public static IReadOnlySet<string> VoidItemIds(JsonElement order)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (order.ValueKind != JsonValueKind.Object || !order.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }
        var voidPayments = VoidPaymentIds(order);
        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (HelloAssoNotificationReader.Id(item, "id") is not { } id)
            {
                continue;
            }
            var paidBy = item.TryGetProperty("payments", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(x => HelloAssoNotificationReader.Id(x, "id")).ToList()
                : [];
            var cancelled = item.TryGetProperty("isCanceled", out var c) && c.ValueKind == JsonValueKind.True;
            if (cancelled || VoidStates.Contains(HelloAssoNotificationReader.String(item, "state") ?? string.Empty)
                || (paidBy.Count > 0 && paidBy.All(x => x is not null && voidPayments.Contains(x))))
            {
                result.Add(id);
            }
        }
        return result;
    }

    /// <summary>The refund notification's lines the API confirms, routed by the API order's form (not the notification's).</summary>
    public static TicketingCommand Confirm(TicketingCommand refund, JsonElement order)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var voided = VoidItemIds(order);
        var confirmed = refund.Lines.Where(l => voided.Contains(l.ExternalId)).ToList();
        if (confirmed.Count == 0)
        {
            return TicketingCommand.Ignore("Payment", "remboursement non confirmé par l'API HelloAsso : aucun billet annulé", refund.FormSlug) with { OrderId = refund.OrderId };
        }
        var formSlug = HelloAssoNotificationReader.String(order, "formSlug") ?? refund.FormSlug;
        return refund with { FormSlug = formSlug, Lines = confirmed };
    }

    private static HashSet<string> VoidPaymentIds(JsonElement order)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (order.TryGetProperty("payments", out var payments) && payments.ValueKind == JsonValueKind.Array)
        {
            foreach (var payment in payments.EnumerateArray())
            {
                if (HelloAssoNotificationReader.Id(payment, "id") is { } id && VoidStates.Contains(HelloAssoNotificationReader.String(payment, "state") ?? string.Empty))
                {
                    ids.Add(id);
                }
            }
        }
        return ids;
    }
}
