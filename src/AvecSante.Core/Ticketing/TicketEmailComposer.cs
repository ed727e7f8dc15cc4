using System.Globalization;
using System.Text;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>The French emails of ticketing: confirmation (with the .ics), waitlist notice, freed-seat notice.</summary>
public static class TicketEmailComposer
{
    public const string ConfirmationKind = "ticket-confirmation";
    public const string WaitlistedKind = "ticket-waitlisted";
    public const string SeatOfferKind = "ticket-seat-offer";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static EmailContent Confirmation(Event value, Ticket ticket, string organiser, DateTimeOffset now) =>
        Compose(value, ticket, organiser,
            $"Inscription confirmée : {value.Title}",
            "Votre inscription est confirmée. Vous trouverez l'événement en pièce jointe, à ajouter à votre agenda.",
            Calendar(value, ticket, organiser, now));

    public static EmailContent Waitlisted(Event value, Ticket ticket, string organiser) =>
        Compose(value, ticket, organiser,
            $"Liste d'attente : {value.Title}",
            "L'événement est complet : vous êtes inscrit·e sur la liste d'attente. Si une place se libère, elle vous est attribuée dans l'ordre d'arrivée et nous vous écrivons aussitôt.",
            null);

    public static EmailContent SeatOffer(Event value, Ticket ticket, string organiser, DateTimeOffset now) =>
        Compose(value, ticket, organiser,
            $"Une place s'est libérée : {value.Title}",
            "Bonne nouvelle : une place s'est libérée et elle vous est attribuée, votre inscription est confirmée. Si vous ne pouvez plus venir, répondez simplement à ce message pour la laisser à la personne suivante.",
            Calendar(value, ticket, organiser, now));

    /// <summary>"jeudi 18 mars 2027, de 09:30 à 17:00 (heure de Paris)".</summary>
    public static string DescribeWhen(Event value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = ParisTime.ToParis(value.StartsAt);
        var end = ParisTime.ToParis(value.EndsAt);
        return start.Date == end.Date
            ? $"{start.ToString("dddd d MMMM yyyy", French)}, de {start.ToString("HH:mm", French)} à {end.ToString("HH:mm", French)} (heure de Paris)"
            : $"du {start.ToString("dddd d MMMM yyyy 'à' HH:mm", French)} au {end.ToString("dddd d MMMM yyyy 'à' HH:mm", French)} (heure de Paris)";
    }

    private static EmailAttachment Calendar(Event value, Ticket ticket, string organiser, DateTimeOffset now) =>
        new(EventCalendar.FileName(value), EventCalendar.ContentType + "; charset=utf-8",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(EventCalendar.Write(value, StableKeys.Digest(ticket.Key, 12), organiser, now))));

    private static EmailContent Compose(Event value, Ticket ticket, string organiser, string subject, string message, EmailAttachment? attachment)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(ticket);
        var name = ticket.Attendee.DisplayName;
        var greeting = string.IsNullOrWhiteSpace(ticket.Attendee.FirstName) ? "Bonjour," : $"Bonjour {ticket.Attendee.FirstName},";
        var when = DescribeWhen(value);
        var venue = value.Venue ?? "lieu communiqué prochainement";
        var tier = ticket.TierName is null ? null : $"Billet : {ticket.TierName} ({Euros(ticket.AmountCents)})";

        var text = new StringBuilder()
            .AppendLine(greeting)
            .AppendLine()
            .AppendLine(message)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{EventKinds.Label(value.Kind)} : {value.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"Quand : {when}")
            .AppendLine(CultureInfo.InvariantCulture, $"Où : {venue}")
            .AppendLine(tier ?? string.Empty)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"L'équipe d'{organiser}")
            .ToString();

        static string H(string s) => Html.Encode(s);
        var tierHtml = tier is null ? string.Empty : $"<p>{H(tier)}</p>";
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body>
            <p>{H(greeting)}</p>
            <p>{H(message)}</p>
            <h1>{H(value.Title)}</h1>
            <p>{H(EventKinds.Label(value.Kind))}</p>
            <p>Quand : <strong>{H(when)}</strong></p>
            <p>Où : <strong>{H(venue)}</strong></p>
            {tierHtml}
            <p>L&#39;équipe d&#39;{H(organiser)}</p>
            </body>
            </html>
            """;
        return new EmailContent(ticket.Attendee.Email!, name, subject, text, html, attachment is null ? null : [attachment]);
    }

    public static string Euros(long cents) =>
        (cents / 100m).ToString("0.00", French) + " €";
}
