namespace AvecSante.Core.Members;

/// <summary>A coordinated-care structure in the member file (MSP, ESP, CPTS, CDS or other).</summary>
public sealed record MemberStructure
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="MemberKinds.All"/>.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>22, 29, 35 or 56.</summary>
    public required string Department { get; init; }

    public string? Commune { get; init; }

    /// <summary>14 digits, Luhn-checked (La Poste's establishments excepted, see <see cref="FrenchIdentifiers"/>).</summary>
    public string? Siret { get; init; }

    /// <summary>9 characters, check digit verified when numeric.</summary>
    public string? Finess { get; init; }

    /// <summary>Signatory of the accord conventionnel interprofessionnel.</summary>
    public bool AciSignatory { get; init; }

    /// <summary>Has a SISA (the company form that receives ACI money).</summary>
    public bool Sisa { get; init; }

    public DateOnly? JoinedOn { get; init; }

    public DateOnly? LeftOn { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag); null before it is stored.</summary>
    public string? Version { get; init; }
}

/// <summary>The yearly fee of a structure: one per structure and year, amounts in euros.</summary>
public sealed record Cotisation
{
    public required string StructureId { get; init; }

    public required int Year { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>Null while the fee is called but not paid: only paid cotisations make a structure a member.</summary>
    public DateOnly? PaidOn { get; init; }

    /// <summary>One of <see cref="PaymentMethods.All"/>.</summary>
    public string? Method { get; init; }

    /// <summary>Part of the fee due to AVECsanté national.</summary>
    public decimal? NationalShare { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? Version { get; init; }
}

/// <summary>Structure kinds of the member file (DOMAIN.md codes) and their labels.</summary>
public static class MemberKinds
{
    public const string Other = "AUTRE";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MSP"] = "Maison de santé pluriprofessionnelle",
        ["ESP"] = "Équipe de soins primaires",
        ["CPTS"] = "Communauté professionnelle territoriale de santé",
        ["CDS"] = "Centre de santé",
        [Other] = "Autre",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Labels.Keys;

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);
}

/// <summary>How a cotisation was paid.</summary>
public static class PaymentMethods
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["virement"] = "Virement",
        ["cheque"] = "Chèque",
        ["prelevement"] = "Prélèvement",
        ["carte"] = "Carte bancaire",
        ["especes"] = "Espèces",
        ["autre"] = "Autre",
    };

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);
}

/// <summary>The roles a person can hold in the federation (Person.Roles).</summary>
public static class MemberRoles
{
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";
    public const string Board = "board";
    public const string Staff = "staff";

    /// <summary>Set by staff: may enter the coordinators' space without being a coordinator or leader of a member.</summary>
    public const string SpaceAccess = "espace";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Coordinator] = "Coordinatrice / coordinateur",
        [Leader] = "Leader / porteur de projet",
        [Board] = "Membre du conseil d'administration",
        [Staff] = "Salarié·e de la fédération",
        [SpaceAccess] = "Accès à l'espace des coordinateurs",
    };

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);
}
