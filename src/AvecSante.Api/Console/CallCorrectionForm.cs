using AvecSante.Core.Calls;
using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// The correction form of a call's page as the staff member typed it, shown again when the correction was refused:
/// what was typed, why it was refused, and each field's errors. The page carries what it showed beside each field
/// (<c>…-shown</c>), so that a field left as shown is never taken for a correction.
/// </summary>
public sealed record CallCorrectionForm(string? Title, string? Funder, string? Deadline, bool Rolling, string? Problem = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CallCorrectionForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(ConsoleForms.Value(form, "title"), ConsoleForms.Value(form, "funder"), ConsoleForms.Value(form, "deadline"), form["rolling"].ToString() == "true");
    }

    /// <summary>What the use case is asked: only the fields typed otherwise than shown.</summary>
    public CallCorrection ToCorrection(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new CallCorrection
        {
            Title = Changed(form, "title", Title),
            Funder = Changed(form, "funder", Funder),
            Deadline = Changed(form, "deadline", Deadline),
            Rolling = Rolling != Shown(form, "rolling") ? Rolling : Changed(form, "deadline", Deadline) is not null ? false : null,
        };
    }

    /// <summary>
    /// The typing kept over the call as it is now (someone changed it meanwhile): a field typed otherwise than shown
    /// keeps the typing; a field left as shown takes the call's new value, so saving again cannot undo the other change.
    /// </summary>
    public CallCorrectionForm KeptOver(IFormCollection form, CallForProjects now, string problem)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(now);
        return new(
            Changed(form, "title", Title) ?? now.Title,
            Changed(form, "funder", Funder) ?? now.Funder,
            Changed(form, "deadline", Deadline) ?? ConsoleFormat.LocalInput(now.Deadline),
            Rolling != Shown(form, "rolling") ? Rolling : now.IsRolling,
            problem);
    }

    /// <summary>The form's field ids, so that each error links to its field.</summary>
    public static IReadOnlyDictionary<string, string[]> OnFields(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.ToDictionary(e => "correction-" + e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static string? Changed(IFormCollection form, string field, string? typed) =>
        typed == ConsoleForms.Value(form, field + "-shown") ? null : typed;

    private static bool Shown(IFormCollection form, string field) => form[field + "-shown"].ToString() == "true";
}
