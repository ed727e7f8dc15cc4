using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>What every console form reads the same way: a field's trimmed value, and the version an edit was read with.</summary>
public static class ConsoleForms
{
    /// <summary>The field's value, trimmed; null when it is empty or absent.</summary>
    public static string? Value(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = form[name].ToString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The version the edit form was read with: an empty one would mean "whatever is stored", and the console always changes what it showed.</summary>
    public static string EditedVersion(IFormCollection form) => Value(form, "version") ?? "\"missing\"";
}
