using AvecSante.Core.Space;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Space;

/// <summary>Section "Space": the coordinators' space (sign-in links, sessions, request limits).</summary>
public sealed class SpaceOptions
{
    public const string Section = "Space";

    public int SignInLinkMinutes { get; set; } = 30;

    public int SessionDays { get; set; } = 30;

    public int RequestsPerAddressPerHour { get; set; } = 3;

    public int RequestsPerClientPerHour { get; set; } = 20;

    public SpaceSettings ToSettings() => new(TimeSpan.FromMinutes(SignInLinkMinutes), TimeSpan.FromDays(SessionDays), RequestsPerAddressPerHour, RequestsPerClientPerHour);
}

public sealed class SpaceOptionsValidator : IValidateOptions<SpaceOptions>
{
    public ValidateOptionsResult Validate(string? name, SpaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SignInLinkMinutes is < 5 or > 1440)
        {
            failures.Add("Setting 'Space:SignInLinkMinutes' must be between 5 and 1440.");
        }
        if (options.SessionDays is < 1 or > 90)
        {
            failures.Add("Setting 'Space:SessionDays' must be between 1 and 90.");
        }
        if (options.RequestsPerAddressPerHour is < 1 or > 100 || options.RequestsPerClientPerHour is < 1 or > 10000)
        {
            failures.Add("Settings 'Space:RequestsPerAddressPerHour' (1-100) and 'Space:RequestsPerClientPerHour' (1-10000) are out of range.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
