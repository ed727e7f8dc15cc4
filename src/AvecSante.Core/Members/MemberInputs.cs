using System.Globalization;
using System.Net.Mail;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

/// <summary>What the admin API receives for a structure (dates as AAAA-MM-JJ).</summary>
public sealed record StructureInput(
    string? Kind,
    string? Name,
    string? Department,
    string? Commune,
    string? Siret,
    string? Finess,
    bool? AciSignatory,
    bool? Sisa,
    string? JoinedOn,
    string? LeftOn);

/// <summary>What the admin API receives for a person.</summary>
public sealed record PersonInput(
    string? FirstName,
    string? LastName,
    string? Email,
    IReadOnlyList<string>? OtherEmails,
    string? Phone,
    string? Profession,
    IReadOnlyList<string>? Roles,
    int? BoardCollege,
    IReadOnlyList<string>? StructureIds,
    string? LastContactOn,
    AlertPreferences? Preferences);

/// <summary>What the admin API receives for a cotisation.</summary>
public sealed record CotisationInput(int? Year, decimal? Amount, string? PaidOn, string? Method, decimal? NationalShare);

/// <summary>The field rules of the member file, shared by the admin API and the CSV import (French reasons).</summary>
public static class MemberValidation
{
    public const int MaxText = 200;

    public static string? CheckEmail(string? email) =>
        IsEmail(email) ? null : "Adresse e-mail invalide.";

    public static bool IsEmail(string? email) =>
        email is { Length: > 3 and <= 254 }
        && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.EndsWith('.');

    public static string? CheckDepartment(string? department) =>
        department is not null && Departments.IsBreton(department) ? null : "Département inconnu : attendu 22, 29, 35 ou 56.";

    public static string? CheckKind(string? kind) =>
        MemberKinds.IsKnown(kind) ? null : "Type de structure inconnu : attendu MSP, ESP, CPTS, CDS ou AUTRE.";

    public static string? CheckSiret(string? siret) => siret switch
    {
        null => null,
        { Length: not 14 } => "SIRET invalide : 14 chiffres attendus.",
        _ when !siret.All(char.IsAsciiDigit) => "SIRET invalide : 14 chiffres attendus.",
        _ when !FrenchIdentifiers.IsValidSiret(siret) => "SIRET invalide : la clé de contrôle ne correspond pas.",
        _ => null,
    };

    public static string? CheckFiness(string? finess) => finess switch
    {
        null => null,
        { Length: not 9 } => "FINESS invalide : 9 caractères attendus.",
        _ when !FrenchIdentifiers.IsValidFiness(finess) => "FINESS invalide : la clé de contrôle ne correspond pas.",
        _ => null,
    };

    public static bool TryIsoDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Checks a structure as it will be stored; field names are the JSON ones.</summary>
    public static ValidationErrors Check(MemberStructure s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(s.Name))
        {
            errors.Add("name", "Le nom de la structure est obligatoire.");
        }
        else if (s.Name.Length > MaxText)
        {
            errors.Add("name", $"Le nom dépasse {MaxText} caractères.");
        }
        Add(errors, "kind", CheckKind(s.Kind));
        Add(errors, "department", CheckDepartment(s.Department));
        Add(errors, "siret", CheckSiret(s.Siret));
        Add(errors, "finess", CheckFiness(s.Finess));
        if (s.Commune is { Length: > MaxText })
        {
            errors.Add("commune", $"La commune dépasse {MaxText} caractères.");
        }
        if (s.JoinedOn is { } joined && s.LeftOn is { } left && left < joined)
        {
            errors.Add("leftOn", "La date de sortie précède la date d'adhésion.");
        }
        return errors;
    }

    public static ValidationErrors Check(Person p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(p.FirstName))
        {
            errors.Add("firstName", "Le prénom est obligatoire.");
        }
        if (string.IsNullOrWhiteSpace(p.LastName))
        {
            errors.Add("lastName", "Le nom est obligatoire.");
        }
        if (p.FirstName is { Length: > MaxText } || p.LastName is { Length: > MaxText })
        {
            errors.Add("lastName", $"Le nom ou le prénom dépasse {MaxText} caractères.");
        }
        Add(errors, "email", CheckEmail(p.Email));
        if (p.OtherEmails.Any(e => !IsEmail(e)))
        {
            errors.Add("otherEmails", "Une des autres adresses e-mail est invalide.");
        }
        if (p.Phone is { } phone && (phone.Length > 30 || phone.Count(char.IsAsciiDigit) < 6 || phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')'))))
        {
            errors.Add("phone", "Numéro de téléphone invalide.");
        }
        if (p.Roles.FirstOrDefault(r => !MemberRoles.IsKnown(r)) is { } role)
        {
            errors.Add("roles", $"Rôle inconnu « {role} » : attendu coordinator, leader, board ou staff.");
        }
        if (p.BoardCollege is { } college && (college is < 1 or > 3 || !p.Roles.Contains(MemberRoles.Board)))
        {
            errors.Add("boardCollege", "Le collège (1, 2 ou 3) ne s'applique qu'aux membres du conseil d'administration.");
        }
        return errors;
    }

    public static ValidationErrors Check(Cotisation c, int thisYear)
    {
        ArgumentNullException.ThrowIfNull(c);
        var errors = new ValidationErrors();
        if (c.Year < 2000 || c.Year > thisYear + 1)
        {
            errors.Add("year", $"Année de cotisation impossible : entre 2000 et {thisYear + 1}.");
        }
        if (c.Amount is < 0 or > 100_000 || decimal.Round(c.Amount, 2) != c.Amount)
        {
            errors.Add("amount", "Montant impossible : un nombre d'euros positif, deux décimales au plus.");
        }
        if (c.NationalShare is { } share && (share < 0 || share > c.Amount))
        {
            errors.Add("nationalShare", "La part nationale doit être comprise entre 0 et le montant.");
        }
        if (c.Method is not null && !PaymentMethods.IsKnown(c.Method))
        {
            errors.Add("method", "Mode de paiement inconnu : virement, cheque, prelevement, carte, especes ou autre.");
        }
        return errors;
    }

    private static void Add(ValidationErrors errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(field, message);
        }
    }
}
