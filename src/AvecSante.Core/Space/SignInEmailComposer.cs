using System.Globalization;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

/// <summary>The email that carries a sign-in link to the space: short, French, text and HTML, nothing else inside.</summary>
public static class SignInEmailComposer
{
    public const string Kind = "space-sign-in";

    public static EmailContent Compose(Person person, Uri link, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(link);
        var minutes = ((int)validity.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        const string subject = "Votre lien pour entrer dans l'espace des coordinateurs";
        var text = $"""
            Bonjour {person.FirstName},

            Voici votre lien pour entrer dans l'espace des coordinateurs d'AVECsanté Bretagne (appels à projets, bibliothèque d'expériences) :

            {link}

            Il fonctionne une seule fois, pendant {minutes} minutes. Si vous n'avez rien demandé, ignorez ce message : personne ne peut entrer sans ce lien.

            L'équipe d'AVECsanté Bretagne
            """;
        var h = Common.Html.Encode;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{h(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">
            <p>Bonjour {h(person.FirstName)},</p>
            <p><a href="{h(link.ToString())}">Entrer dans l&#39;espace des coordinateurs</a></p>
            <p>Ce lien fonctionne une seule fois, pendant {minutes} minutes. Si vous n&#39;avez rien demandé, ignorez ce message : personne ne peut entrer sans ce lien.</p>
            <p>L&#39;équipe d&#39;AVECsanté Bretagne</p>
            </body>
            </html>
            """;
        return new EmailContent(person.Email, person.DisplayName, subject, text, html);
    }
}
