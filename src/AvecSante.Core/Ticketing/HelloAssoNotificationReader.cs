using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>A payload that is valid JSON but not a notification we can read: the sender gets a 400 naming the field.</summary>
public sealed class TicketingPayloadException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Reads a HelloAsso notification {eventType, data, metadata?} into a command. Only Order and refund-like Payment
/// notifications touch tickets; Form, Organization and any other type are acknowledged and ignored. Amounts are cents
/// and are taken from the items: real payloads carry an order total of 0 with a paid item.
/// </summary>
public static class HelloAssoNotificationReader
{
    /// <summary>Item types that are a seat at the event (an Event form sells Registration; a payment form, Payment).</summary>
    private static readonly HashSet<string> TicketItemTypes = new(StringComparer.OrdinalIgnoreCase) { "Registration", "Payment" };

    /// <summary>Payment states after which the tickets it paid are void.</summary>
    private static readonly HashSet<string> VoidPaymentStates = new(StringComparer.OrdinalIgnoreCase) { "Refunded", "Refused", "Canceled", "Cancelled", "Contested" };

    private static readonly HashSet<string> VoidItemStates = new(StringComparer.OrdinalIgnoreCase) { "Canceled", "Cancelled", "Refunded", "Refused", "Contested" };

    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="TicketingPayloadException">JSON, but not a notification.</exception>
    public static TicketingCommand Read(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        return Read(document.RootElement);
    }

    /// <summary>An order as the API returns it (GET /v5/orders/{id}, or an element of a form's orders), read as an Order notification's data.</summary>
    public static TicketingCommand ReadApiOrder(JsonElement order) =>
        order.ValueKind == JsonValueKind.Object
            ? ReadOrder(order)
            : throw new TicketingPayloadException("order", "La commande renvoyée par l'API HelloAsso n'est pas un objet JSON.");

    public static TicketingCommand Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TicketingPayloadException("body", "Le corps doit être un objet JSON {eventType, data}.");
        }
        if (!root.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
        {
            throw new TicketingPayloadException("eventType", "Le champ eventType est obligatoire (Order, Payment, Form ou Organization).");
        }
        var eventType = type.GetString()!;
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new TicketingPayloadException("data", "Le champ data est obligatoire et doit être un objet.");
        }
        return eventType switch
        {
            "Order" => ReadOrder(data),
            "Payment" => ReadPayment(data),
            "Form" or "Organization" => TicketingCommand.Ignore(eventType, $"notification {eventType} : rien à faire pour la billetterie", String(data, "formSlug")),
            _ => TicketingCommand.Ignore(eventType, "type de notification inconnu"),
        };
    }

    private static TicketingCommand ReadOrder(JsonElement order)
    {
        var formSlug = String(order, "formSlug");
        var orderId = Id(order, "id");
        var payer = order.TryGetProperty("payer", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var payerAttendee = payer.ValueKind == JsonValueKind.Object
            ? new Attendee(String(payer, "firstName"), String(payer, "lastName"), Email(String(payer, "email")))
            : new Attendee(null, null, null);

        var items = order.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        var ticketItems = items.Where(item => item.ValueKind == JsonValueKind.Object && TicketItemTypes.Contains(String(item, "type") ?? string.Empty)).ToList();
        var lines = new List<TicketLine>();
        for (var n = 0; n < ticketItems.Count; n++)
        {
            var item = ticketItems[n];
            var itemId = Id(item, "id") ?? throw new TicketingPayloadException($"data.items[{n}].id", "Chaque article doit avoir un identifiant (id).");
            var user = item.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
            var first = user.ValueKind == JsonValueKind.Object ? String(user, "firstName") : null;
            var last = user.ValueKind == JsonValueKind.Object ? String(user, "lastName") : null;
            // The attendee's own address when the form asked for it; the payer's when the payer is the attendee.
            var email = CustomFieldEmail(item)
                ?? (ticketItems.Count == 1 || (SameName(first, payerAttendee.FirstName) && SameName(last, payerAttendee.LastName)) ? payerAttendee.Email : null);
            var cancelled = (item.TryGetProperty("isCanceled", out var c) && c.ValueKind == JsonValueKind.True)
                || VoidItemStates.Contains(String(item, "state") ?? string.Empty);
            lines.Add(new TicketLine(
                TicketSources.HelloAsso,
                itemId,
                orderId,
                String(item, "name") ?? String(item, "priceCategory"),
                Cents(item, "amount"),
                new Attendee(first ?? payerAttendee.FirstName, last ?? payerAttendee.LastName, email),
                cancelled,
                StructureHints(item, payer)));
        }
        long? total = order.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Object ? Cents(amount, "total") : null;
        if (lines.Count == 0)
        {
            return TicketingCommand.Ignore("Order", "commande sans billet (don, adhésion ou vente)", formSlug) with { OrderId = orderId };
        }
        return new TicketingCommand("Order", TicketingAction.Register, formSlug, null, lines, null, total) { OrderId = orderId };
    }

    private static TicketingCommand ReadPayment(JsonElement payment)
    {
        var order = payment.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var formSlug = order.ValueKind == JsonValueKind.Object ? String(order, "formSlug") : null;
        var orderId = order.ValueKind == JsonValueKind.Object ? Id(order, "id") : null;
        var state = String(payment, "state") ?? string.Empty;
        if (!VoidPaymentStates.Contains(state))
        {
            // Tickets come with the Order notification; an authorised payment adds nothing to them.
            return TicketingCommand.Ignore("Payment", $"paiement {state} : les billets arrivent avec la commande", formSlug);
        }
        var items = payment.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        var lines = new List<TicketLine>();
        for (var n = 0; n < items.Count; n++)
        {
            var itemId = Id(items[n], "id") ?? throw new TicketingPayloadException($"data.items[{n}].id", "Chaque article remboursé doit avoir un identifiant (id).");
            lines.Add(new TicketLine(TicketSources.HelloAsso, itemId, orderId, null, Cents(items[n], "amount"), new Attendee(null, null, null), Cancelled: true));
        }
        return lines.Count == 0
            ? TicketingCommand.Ignore("Payment", $"paiement {state} sans article", formSlug)
            : new TicketingCommand("Payment", TicketingAction.Cancel, formSlug, null, lines) { OrderId = orderId };
    }

    private static string? CustomFieldEmail(JsonElement item)
    {
        if (!item.TryGetProperty("customFields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return fields.EnumerateArray()
            .Where(f => f.ValueKind == JsonValueKind.Object)
            .Select(f => Email(String(f, "answer")))
            .FirstOrDefault(e => e is not null);
    }

    /// <summary>Custom-field names that ask for a structure ("Nom de votre structure", "Établissement", "Société"…), normalised.</summary>
    private static readonly string[] StructureFieldWords = ["structure", "etablissement", "entreprise", "societe", "organisme", "organisation", "employeur", "msp", "cabinet", "centre de sante", "association"];

    /// <summary>The structures a registration names: answers of custom fields asking for one, then the payer's company.</summary>
    public static IReadOnlyList<string>? StructureHints(JsonElement item, JsonElement payer)
    {
        var hints = new List<string>();
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("customFields", out var fields) && fields.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in fields.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
            {
                var name = TextFolding.Fold(String(field, "name"));
                if (String(field, "answer")?.Trim() is { Length: > 0 } answer && Email(answer) is null
                    && StructureFieldWords.Any(w => $" {name} ".Contains($" {w} ", StringComparison.Ordinal)))
                {
                    hints.Add(answer);
                }
            }
        }
        if (payer.ValueKind == JsonValueKind.Object && String(payer, "company")?.Trim() is { Length: > 0 } company)
        {
            hints.Add(company);
        }
        return hints.Count == 0 ? null : hints;
    }

    private static bool SameName(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A usable address, or null ("[email protected]" in a scraped sample is not one).</summary>
    public static string? Email(string? text)
    {
        var candidate = text?.Trim();
        return candidate is { Length: > 3 and <= 254 } && !candidate.Contains(' ', StringComparison.Ordinal)
            && MailAddress.TryCreate(candidate, out var address) && address.Address == candidate
            ? candidate
            : null;
    }

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Ids are integers in HelloAsso payloads; a string of digits is accepted too.</summary>
    internal static string? Id(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) && n >= 0 => n.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static long Cents(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var cents) ? cents : 0;
}
