using System.Globalization;

using AvecSante.Core.Common;
using AvecSante.Core.Members;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// The console's member forms read into the use cases' own inputs (StructureInput, CotisationInput): the pages carry
/// the values, the rules stay in MembersService. Field names are the inputs' JSON names, so the use cases' errors land
/// on the right field.
/// </summary>
public static class MemberForms
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static StructureInput StructureFrom(MemberStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return new StructureInput(structure.Kind, structure.Name, structure.Department, structure.Commune, structure.Siret, structure.Finess,
            structure.AciSignatory, structure.Sisa, IsoDate(structure.JoinedOn), IsoDate(structure.LeftOn));
    }

    public static StructureInput ReadStructure(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new StructureInput(ConsoleForms.Value(form, "kind"), ConsoleForms.Value(form, "name"), ConsoleForms.Value(form, "department"), ConsoleForms.Value(form, "commune"),
            ConsoleForms.Value(form, "siret"), ConsoleForms.Value(form, "finess"), form["aciSignatory"].ToString() == "on", form["sisa"].ToString() == "on",
            ConsoleForms.Value(form, "joinedOn"), ConsoleForms.Value(form, "leftOn"));
    }

    /// <summary>The cotisation as typed; amounts accept a decimal comma ("120,50"). Numbers that do not read are errors here.</summary>
    public static (CotisationInput Input, ValidationErrors Errors) ReadCotisation(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        int? year = null;
        if (ConsoleForms.Value(form, "year") is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                year = y;
            }
            else
            {
                errors.Add("year", "L'année s'écrit avec quatre chiffres (par exemple 2026).");
            }
        }
        var amount = Amount(form, "amount", "Le montant", errors);
        var share = Amount(form, "nationalShare", "La part nationale", errors);
        return (new CotisationInput(year, amount, ConsoleForms.Value(form, "paidOn"), ConsoleForms.Value(form, "method"), share), errors);
    }

    /// <summary>Where a record's page goes after its edit form went through (post/redirect/get), saying what happened.</summary>
    public static string AfterEdit(string recordHref, OutcomeKind kind) =>
        recordHref + (kind == OutcomeKind.Done ? "?fait=modifiee" : "?fait=inchangee");

    /// <summary>What a record's page says when an edit brought the person back to it (?fait=…), or null.</summary>
    public static string? EditDone(string fait) => fait switch
    {
        "modifiee" => "Modifications enregistrées.",
        "inchangee" => "Aucune modification : la fiche était déjà ainsi.",
        _ => null,
    };

    public static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Euros as the staff read them: "1 200,50 €".</summary>
    public static string Euros(decimal amount) => amount.ToString("#,##0.##", French) + " €";

    /// <summary>Who the audit trail names, as people read it: the staff member's address, the import, or the automation key.</summary>
    public static string Actor(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..]
            : actor.StartsWith("key:", StringComparison.Ordinal) ? $"une automatisation (clé « {actor["key:".Length..]} »)"
            : actor;
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", French) ?? "—";

    private static decimal? Amount(IFormCollection form, string field, string what, ValidationErrors errors)
    {
        if (ConsoleForms.Value(form, field) is not { } text)
        {
            return null;
        }
        var normalised = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202f", string.Empty, StringComparison.Ordinal).Replace("€", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }
        errors.Add(field, $"{what} s'écrit en euros, par exemple 120 ou 120,50.");
        return null;
    }
}
