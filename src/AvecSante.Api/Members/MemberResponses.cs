using System.Globalization;
using AvecSante.Core.Members;

namespace AvecSante.Api.Members;

/// <summary>The JSON shape of a structure: its record, its status computed today, its cotisations.</summary>
public sealed record StructureResponse(
    string Id,
    string Kind,
    string Name,
    string Department,
    string? Commune,
    string? Siret,
    string? Finess,
    bool AciSignatory,
    bool Sisa,
    string? JoinedOn,
    string? LeftOn,
    string Status,
    string StatusLabel,
    IReadOnlyList<CotisationResponse> Cotisations,
    string? Version)
{
    public static StructureResponse From(StructureView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Structure;
        return new(s.Id, s.Kind, s.Name, s.Department, s.Commune, s.Siret, s.Finess, s.AciSignatory, s.Sisa,
            Iso(s.JoinedOn), Iso(s.LeftOn), MembershipStatusRules.Code(view.Status), MembershipStatusRules.Label(view.Status),
            view.Cotisations.Select(CotisationResponse.From).ToList(), s.Version);
    }

    internal static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record CotisationResponse(int Year, decimal Amount, string? PaidOn, string? Method, decimal? NationalShare)
{
    public static CotisationResponse From(Cotisation c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Year, c.Amount, StructureResponse.Iso(c.PaidOn), c.Method, c.NationalShare);
    }
}

/// <summary>The JSON shape of a person in the member file.</summary>
public sealed record PersonResponse(
    string Id,
    string FirstName,
    string LastName,
    string Email,
    IReadOnlyList<string> OtherEmails,
    string? Phone,
    string? Profession,
    IReadOnlyList<string> Roles,
    int? BoardCollege,
    IReadOnlyList<string> StructureIds,
    string? StructureName,
    string? StructureKind,
    string? Department,
    string? LastContactOn,
    AlertPreferences Preferences,
    string? Version)
{
    public static PersonResponse From(Person p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.FirstName, p.LastName, p.Email, p.OtherEmails, p.Phone, p.Profession, p.Roles, p.BoardCollege,
            p.StructureIds, p.StructureName, p.StructureKind, p.Department, StructureResponse.Iso(p.LastContactOn), p.Preferences, p.Version);
    }
}
