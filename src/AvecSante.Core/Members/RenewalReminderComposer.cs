using System.Globalization;
using System.Text;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

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
