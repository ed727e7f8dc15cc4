using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Common;

/// <summary>Start-up checks: each failure names the setting as it is written in local.settings.json.</summary>
public sealed partial class FederationOptionsValidator : IValidateOptions<FederationOptions>
{
    public ValidateOptionsResult Validate(string? name, FederationOptions options) =>
        options.Id is { Length: > 0 and <= 32 } && KeySafe().IsMatch(options.Id)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Setting 'Federation:Id' must be 1 to 32 lowercase letters, digits or '-' (it is part of every table key).");

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex KeySafe();
}
