using System.Globalization;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>A person's edit form: what it shows, the version it was read with, and what the last save said.</summary>
public sealed record PersonForms(
    PersonInput Edit,
    string? Version,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Conflict = null,
    string? Done = null);

/// <summary>
/// A person's edit form read into MembersService's own PersonInput (the fields carry its JSON names, so its errors land
/// on the right field). Structures and alert preferences are not edited here: they are sent back as stored.
/// </summary>
public static class PersonForm
{
    public static PersonInput From(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonInput(person.FirstName, person.LastName, person.Email, person.OtherEmails, person.Phone, person.Profession,
            person.Roles, person.BoardCollege, person.StructureIds, MemberForms.IsoDate(person.LastContactOn), null);
    }

    /// <summary>The form as typed; a college that is not a number is an error here, everything else is the use case's to judge.</summary>
    public static (PersonInput Input, ValidationErrors Errors) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        int? college = null;
        if (ConsoleForms.Value(form, "boardCollege") is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
            {
                college = c;
            }
            else
            {
                errors.Add("boardCollege", "Le collège s'écrit en chiffres (par exemple 1).");
            }
        }
        var others = (ConsoleForms.Value(form, "otherEmails") ?? string.Empty)
            .Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var input = new PersonInput(ConsoleForms.Value(form, "firstName"), ConsoleForms.Value(form, "lastName"), ConsoleForms.Value(form, "email"),
            others, ConsoleForms.Value(form, "phone"), ConsoleForms.Value(form, "profession"),
            form["roles"].Select(r => r ?? string.Empty).Where(MemberRoles.IsKnown).ToList(), college,
            form["structureIds"].Select(s => s ?? string.Empty).ToList(), ConsoleForms.Value(form, "lastContactOn"), null);
        return (input, errors);
    }
}
