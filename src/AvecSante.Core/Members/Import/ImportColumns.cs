using System.Globalization;
using System.Text;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members.Import;

/// <summary>The columns the import knows, the header written on export, and the header synonyms it accepts.</summary>
public static class ImportColumns
{
    public const string FirstName = "prenom";
    public const string LastName = "nom";
    public const string Email = "email";
    public const string OtherEmails = "autresemails";
    public const string Phone = "telephone";
    public const string Profession = "profession";
    public const string Roles = "roles";
    public const string College = "college";
    public const string LastContact = "derniercontact";
    public const string Structure = "structure";
    public const string Kind = "type";
    public const string Department = "departement";
    public const string Commune = "commune";
    public const string Siret = "siret";
    public const string Finess = "finess";
    public const string Aci = "aci";
    public const string Sisa = "sisa";
    public const string JoinedOn = "adhesion";
    public const string LeftOn = "sortie";
    public const string Year = "annee";
    public const string Amount = "montant";
    public const string PaidOn = "payele";
    public const string Method = "mode";
    public const string NationalShare = "partnationale";

    /// <summary>Computed on export, never imported.</summary>
    public const string Status = "statut";

    /// <summary>Canonical column, export header, accepted headers (compared without case, accents, spaces or punctuation).</summary>
    public static readonly IReadOnlyList<(string Column, string Header, string[] Synonyms)> All =
    [
        (FirstName, "Prénom", ["prenom", "firstname", "prenomcontact"]),
        (LastName, "Nom", ["nom", "nomdefamille", "nomdusage", "lastname", "nomcontact"]),
        (Email, "E-mail", ["email", "mail", "courriel", "adressemail", "adresseemail", "adressecourriel", "emailprincipal"]),
        (OtherEmails, "Autres e-mails", ["autresemails", "autreemail", "email2", "courriel2", "emailsecondaire", "emailsecondaires"]),
        (Phone, "Téléphone", ["telephone", "tel", "portable", "mobile", "telephoneportable", "telephonemobile"]),
        (Profession, "Profession", ["profession", "metier"]),
        (Roles, "Rôles", ["roles", "role", "fonction", "fonctions"]),
        (College, "Collège", ["college", "collegeca"]),
        (LastContact, "Dernier contact", ["derniercontact", "datederniercontact", "datedederniercontact"]),
        (Structure, "Structure", ["structure", "nomdelastructure", "nomstructure", "organisation", "raisonsociale"]),
        (Kind, "Type", ["type", "typedestructure", "typestructure", "categorie"]),
        (Department, "Département", ["departement", "dept", "dep", "codedepartement"]),
        (Commune, "Commune", ["commune", "ville", "localite"]),
        (Siret, "SIRET", ["siret", "numerosiret", "nsiret"]),
        (Finess, "FINESS", ["finess", "numerofiness", "nfiness", "finessej", "finesset"]),
        (Aci, "Signataire ACI", ["signataireaci", "aci"]),
        (Sisa, "SISA", ["sisa"]),
        (JoinedOn, "Date d'adhésion", ["datedadhesion", "dateadhesion", "adhesion", "adherentdepuis", "adhesionle"]),
        (LeftOn, "Date de sortie", ["datedesortie", "datesortie", "sortie", "finadhesion", "datefinadhesion"]),
        (Year, "Année de cotisation", ["anneedecotisation", "anneecotisation", "annee", "exercice"]),
        (Amount, "Montant", ["montant", "montantcotisation", "montantdelacotisation", "cotisation"]),
        (PaidOn, "Payée le", ["payeele", "payele", "datedepaiement", "datepaiement", "datedereglement", "datereglement"]),
        (Method, "Mode de paiement", ["modedepaiement", "moyendepaiement", "modedereglement", "reglement"]),
        (NationalShare, "Part nationale", ["partnationale", "quotepartnationale", "partavecsantenational", "partavecsante"]),
        (Status, "Statut", ["statut", "statutadhesion"]),
    ];

    /// <summary>Maps each known column to its index; unknown headers are returned so the report can name them.</summary>
    public static (Dictionary<string, int> Map, List<string> Ignored, List<string> Duplicated) Map(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var duplicated = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = FoldedKey(headers[i]);
            var column = All.FirstOrDefault(c => c.Synonyms.Contains(key, StringComparer.Ordinal)).Column;
            if (column is null)
            {
                if (headers[i].Trim().Length > 0)
                {
                    ignored.Add(headers[i].Trim());
                }
            }
            else if (!map.TryAdd(column, i))
            {
                duplicated.Add(headers[i].Trim());
            }
        }
        return (map, ignored, duplicated);
    }

    /// <summary>The folded text without its spaces: "Date d'adhésion" → "datedadhesion", the key two spellings share.</summary>
    public static string FoldedKey(string text) => TextFolding.Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}

/// <summary>Cell values as French spreadsheets write them.</summary>
public static class FrenchCells
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>dd/MM/yyyy; false for impossible dates (31/02/2026) or other formats.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>"1 200,50 €", "120,5", "120": decimal comma, spaces as thousands separators.</summary>
    public static bool TryDecimal(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = string.Concat(text.Where(c => c is not (' ' or '\u00A0' or '\u202F' or '€'))).Trim();
        if (compact.Contains(',', StringComparison.Ordinal))
        {
            compact = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static string Number(decimal? value) =>
        value?.ToString(value == decimal.Truncate(value.Value) ? "0" : "0.00", CultureInfo.GetCultureInfo("fr-FR")) ?? string.Empty;

    public static bool? YesNo(string text) => ImportColumns.FoldedKey(text) switch
    {
        "oui" or "o" or "x" or "vrai" or "1" or "yes" or "y" or "true" => true,
        "non" or "n" or "faux" or "0" or "no" or "false" => false,
        _ => null,
    };

    public static string YesNo(bool value) => value ? "oui" : "non";

    public static string? Kind(string text) => ImportColumns.FoldedKey(text) switch
    {
        "msp" or "maisondesante" or "maisondesantepluriprofessionnelle" or "maisondesantepluriprofessionelle" => "MSP",
        "esp" or "equipedesoinsprimaires" => "ESP",
        "cpts" or "communauteprofessionnelleterritorialedesante" => "CPTS",
        "cds" or "centredesante" => "CDS",
        "autre" or "other" => MemberKinds.Other,
        _ => null,
    };

    public static string? Role(string text) => ImportColumns.FoldedKey(text) switch
    {
        "coordinator" or "coordinatrice" or "coordinateur" or "coordination" or "coordinatricecoordinateur" => MemberRoles.Coordinator,
        "leader" or "porteur" or "porteuse" or "porteurdeprojet" or "referent" or "referente" or "responsable" => MemberRoles.Leader,
        "board" or "ca" or "administrateur" or "administratrice" or "conseildadministration" or "membreduca" or "bureau" => MemberRoles.Board,
        "staff" or "salarie" or "salariee" or "equipe" or "equipefederation" => MemberRoles.Staff,
        _ => null,
    };

    public static string? Method(string text) => ImportColumns.FoldedKey(text) switch
    {
        "virement" or "vir" or "virementbancaire" => "virement",
        "cheque" or "chq" => "cheque",
        "prelevement" or "prelevementsepa" => "prelevement",
        "carte" or "cb" or "cartebancaire" => "carte",
        "especes" or "liquide" => "especes",
        "autre" => "autre",
        _ => null,
    };
}
