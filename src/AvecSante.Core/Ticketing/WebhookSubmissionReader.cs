using System.Text.Json;
using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>
/// Reads a generic signed submission (README, "Generic ticketing webhook"):
/// {submissionId, action: register|cancel, formSlug | eventId, attendees: [{ticketId?, firstName, lastName, email, tier?, amountCents?}]}.
/// </summary>
public static class WebhookSubmissionReader
{
    public const int MaxAttendees = 100;
    public const int MaxIdLength = 200;

    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="TicketingPayloadException">JSON, but not a submission.</exception>
    public static (string SubmissionId, TicketingCommand Command) Read(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TicketingPayloadException("body", "Le corps doit être un objet JSON.");
        }
        var submissionId = String(root, "submissionId")?.Trim();
        if (string.IsNullOrEmpty(submissionId) || submissionId.Length > MaxIdLength)
        {
            throw new TicketingPayloadException("submissionId", $"Le champ submissionId est obligatoire (au plus {MaxIdLength} caractères) : il rend chaque envoi unique.");
        }
        var action = (String(root, "action") ?? "register").Trim().ToLowerInvariant();
        if (action is not ("register" or "cancel"))
        {
            throw new TicketingPayloadException("action", "Le champ action vaut register (inscription) ou cancel (annulation).");
        }
        var formSlug = String(root, "formSlug")?.Trim().ToLowerInvariant();
        var eventId = String(root, "eventId")?.Trim();
        if (string.IsNullOrEmpty(formSlug) && string.IsNullOrEmpty(eventId))
        {
            throw new TicketingPayloadException("eventId", "Indiquez l'événement : eventId, ou formSlug s'il est déclaré sur l'événement.");
        }
        if (!root.TryGetProperty("attendees", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxAttendees)
        {
            throw new TicketingPayloadException("attendees", $"Le champ attendees est une liste de 1 à {MaxAttendees} participants.");
        }

        var lines = new List<TicketLine>();
        var index = 0;
        foreach (var attendee in list.EnumerateArray())
        {
            lines.Add(ReadLine(attendee, index, submissionId, action, Scope(formSlug, eventId)));
            index++;
        }
        var command = new TicketingCommand(
            "Webhook",
            action == "cancel" ? TicketingAction.Cancel : TicketingAction.Register,
            string.IsNullOrEmpty(formSlug) ? null : formSlug,
            string.IsNullOrEmpty(eventId) ? null : eventId,
            lines);
        return (submissionId, command);
    }

    /// <summary>One attendee: a cancellation names its ticket, a registration without one gets "{submissionId}-{n}".</summary>
    private static TicketLine ReadLine(JsonElement attendee, int index, string submissionId, string action, string scope)
    {
        var field = $"attendees[{index}]";
        if (attendee.ValueKind != JsonValueKind.Object)
        {
            throw new TicketingPayloadException(field, "Chaque participant est un objet.");
        }
        var ticketId = String(attendee, "ticketId")?.Trim();
        if (string.IsNullOrEmpty(ticketId))
        {
            if (action == "cancel")
            {
                throw new TicketingPayloadException(field + ".ticketId", "Une annulation nomme le billet (ticketId) envoyé à l'inscription.");
            }
            ticketId = $"{submissionId}-{index + 1}";
        }
        else if (ticketId.Length > MaxIdLength)
        {
            throw new TicketingPayloadException(field + ".ticketId", $"ticketId dépasse {MaxIdLength} caractères.");
        }
        long amount = 0;
        if (attendee.TryGetProperty("amountCents", out var a) && (a.ValueKind != JsonValueKind.Number || !a.TryGetInt64(out amount) || amount < 0))
        {
            throw new TicketingPayloadException(field + ".amountCents", "Le montant est un entier de centimes positif ou nul.");
        }
        var rawEmail = String(attendee, "email");
        var email = HelloAssoNotificationReader.Email(rawEmail);
        if (action == "register" && rawEmail is not null && email is null)
        {
            throw new TicketingPayloadException(field + ".email", "L'adresse email n'est pas valide.");
        }
        return new TicketLine(
            TicketSources.Webhook,
            ExternalIdFor(scope, ticketId),
            submissionId,
            String(attendee, "tier"),
            amount,
            new Attendee(String(attendee, "firstName"), String(attendee, "lastName"), email),
            action == "cancel",
            String(attendee, "structure") is { } structure && !string.IsNullOrWhiteSpace(structure) ? [structure.Trim()] : null);
    }

    /// <summary>
    /// The sender's ticket id is free text: it becomes a key only through a digest, scoped by the form (or event) it was
    /// sent for, so two tools that both number their tickets 1, 2, 3 never touch each other's tickets.
    /// </summary>
    public static string ExternalIdFor(string scope, string ticketId) => StableKeys.Digest("webhook|" + scope + "|" + ticketId, 24);

    /// <summary>The form slug, or "event:{id}" when the submission names its event directly.</summary>
    public static string Scope(string? formSlug, string? eventId) =>
        string.IsNullOrEmpty(formSlug) ? "event:" + eventId : formSlug;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
