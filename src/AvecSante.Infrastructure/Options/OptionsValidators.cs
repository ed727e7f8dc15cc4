using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Options;

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

public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null)
        {
            failures.Add("Setting 'Storage:ConnectionString' (e.g. UseDevelopmentStorage=true) or 'Storage:TableServiceUri' (with a managed identity) is required.");
        }
        if (options.TableServiceUri is not null && options.BlobServiceUri is null)
        {
            failures.Add("Setting 'Storage:BlobServiceUri' is required when 'Storage:TableServiceUri' is used.");
        }
        if (!Prefix().IsMatch(options.TablePrefix))
        {
            failures.Add("Setting 'Storage:TablePrefix' must be empty or start with a letter and hold only letters and digits (at most 20).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,19})?$")]
    private static partial Regex Prefix();
}

public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FromAddress) || !options.FromAddress.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("Setting 'Email:FromAddress' is required: the address alerts are sent from (e.g. alertes@example.org).");
        }
        if (!options.SendGrid.IsConfigured && string.IsNullOrWhiteSpace(options.LocalOutboxPath))
        {
            failures.Add("Setting 'Email:LocalOutboxPath' is required when 'Email:SendGrid:ApiKey' is not set.");
        }
        if (!options.SendGrid.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("Setting 'Email:SendGrid:BaseUrl' must be an absolute URL.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
