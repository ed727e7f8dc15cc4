using System.Globalization;
using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.Core.Members.Import;

namespace AvecSante.IntegrationTests.Members;

/// <summary>
/// A CRM export of invented members: 100 structures of 5 people, 500 data lines, each line a person with their structure
/// and its 2026 cotisation. <see cref="Faulty"/> lines are spoiled one way each; <see cref="Windows1252Lines"/> are
/// written in Windows-1252 with accents and must be accepted and decoded.
/// </summary>
public static class GeneratedMembersCsv
{
    public const int DataLines = 500;

    private static readonly string[] FirstNames = ["Maëlle", "Yann", "Soizic", "Erwan", "Nolwenn", "Katell", "Gwenaël", "Anaïs", "Loïc", "Rozenn", "Tanguy", "Morgane", "Ronan", "Enora", "Goulven"];
    private static readonly string[] LastNames = ["Le Gall", "Kerbrat", "Morvan", "Guillou", "Tanguy", "Le Roux", "Riou", "Prigent", "Le Bihan", "Cariou", "Le Goff", "Jaouen", "Quéré", "Le Meur", "Abgrall"];
    private static readonly string[] Communes = ["Plouguerneau", "Lannion", "Redon", "Lorient", "Quimper", "Crozon", "Ploërmel", "Guingamp", "Vitré", "Pontivy"];
    private static readonly string[] Departments = ["29", "22", "35", "56"];
    private static readonly string[] Kinds = ["MSP", "MSP", "MSP", "ESP", "CPTS", "CDS", "AUTRE"];

    /// <summary>Data line number (1 = first line after the header) → the reason fragment its rejection must give.</summary>
    public static IReadOnlyDictionary<int, string> Faulty { get; } = new Dictionary<int, string>
    {
        [7] = "Adresse e-mail invalide",
        [33] = "Adresse e-mail invalide",
        [58] = "Adresse e-mail invalide",
        [91] = "Adresse e-mail manquante",
        [120] = "Département inconnu",
        [144] = "Département inconnu",
        [171] = "Département inconnu",
        [202] = "Personne en double",
        [233] = "Personne en double",
        [264] = "Personne en double",
        [290] = "Date impossible (colonne « Date d'adhésion »)",
        [311] = "Date impossible (colonne « Payée le »)",
        [338] = "Date impossible (colonne « Date d'adhésion »)",
        [366] = "SIRET invalide : la clé de contrôle ne correspond pas",
        [392] = "SIRET invalide : la clé de contrôle ne correspond pas",
        [418] = "SIRET invalide : la clé de contrôle ne correspond pas",
        [440] = "Type de structure inconnu",
        [461] = "Montant illisible",
        [477] = "Collège inconnu",
        [495] = "FINESS invalide",
    };

    /// <summary>Data lines written in Windows-1252, with the first name they must be stored with.</summary>
    public static IReadOnlyDictionary<int, string> Windows1252Lines { get; } = new Dictionary<int, string>
    {
        [12] = "Hervé",
        [150] = "Solène",
        [250] = "Gaëlle",
        [350] = "Théo",
        [450] = "Françoise",
    };

    public const string Header =
        "Prénom;Nom;Courriel;Téléphone;Profession;Fonction;Collège;Nom de la structure;Type de structure;Département;Ville;N° SIRET;FINESS;Signataire ACI;SISA;Date d'adhésion;Année de cotisation;Montant;Payée le;Mode de paiement;Part nationale;Remarque";

    public static string Siret(int structure) =>
        Complete("8" + (10_000_000 + (structure * 7919)).ToString("D8", CultureInfo.InvariantCulture) + "0001");

    public static string Email(int line) => $"personne{line:D3}@example.org";

    public static byte[] Build()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetPreamble());
        bytes.AddRange(Encoding.UTF8.GetBytes(Header + "\r\n"));
        for (var line = 1; line <= DataLines; line++)
        {
            var cells = Cells(line);
            var text = string.Join(';', cells) + "\r\n";
            bytes.AddRange(Windows1252Lines.ContainsKey(line) ? CsvText.Windows1252.GetBytes(text) : Encoding.UTF8.GetBytes(text));
        }
        return [.. bytes];
    }

    private static string[] Cells(int line)
    {
        var structure = (line - 1) / 5;
        var first = Windows1252Lines.TryGetValue(line, out var accented) ? accented : FirstNames[line % FirstNames.Length];
        var last = LastNames[(line * 7) % LastNames.Length] + (line % 3 == 0 ? "" : "-Essai");
        var role = line % 5 == 1 ? "Coordinatrice" : line % 11 == 0 ? "CA" : "";
        var college = role == "CA" ? "1" : "";
        var finess = structure % 4 == 0 ? "35" + (100_000 + structure).ToString("D6", CultureInfo.InvariantCulture) : "";
        string[] cells =
        [
            first, last, Email(line), "02 98 00 " + (line % 100).ToString("D2", CultureInfo.InvariantCulture) + " 00", "infirmière", role, college,
            $"Structure fictive n°{structure}", Kinds[structure % Kinds.Length], Departments[structure % 4], Communes[structure % Communes.Length],
            Siret(structure), finess.Length == 0 ? "" : Complete(finess[..8]), structure % 2 == 0 ? "oui" : "non", structure % 3 == 0 ? "oui" : "non",
            "15/01/2024", "2026", structure % 2 == 0 ? "150,00" : "90,5", "15/03/2026", "virement", "30,00", "",
        ];
        switch (line)
        {
            case 7: cells[2] = "sans-arobase.example.org"; break;
            case 33: cells[2] = "prenom nom@example.org"; break;
            case 58: cells[2] = "quelqu-un@example"; break;
            case 91: cells[2] = ""; break;
            case 120: cells[9] = "44"; break;
            case 144: cells[9] = "75"; break;
            case 171: cells[9] = "Finistère"; break;
            case 202: case 233: case 264: return Cells(line - 1);
            case 290: cells[15] = "31/02/2024"; break;
            case 311: cells[18] = "30/13/2026"; break;
            case 338: cells[15] = "2024-01-15"; break;
            case 366: case 392: case 418: cells[11] = cells[11][..13] + (char)('0' + ((cells[11][13] - '0' + 1) % 10)); break;
            case 440: cells[8] = "Maison médicale"; break;
            case 461: cells[17] = "cent cinquante"; break;
            case 477: cells[6] = "4"; break;
            case 495: cells[12] = "350000001"; break;
        }
        return cells;
    }

    private static string Complete(string digits) => digits + FrenchIdentifiers.LuhnKey(digits);
}
