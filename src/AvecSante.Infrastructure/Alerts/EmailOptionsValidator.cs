using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Alerts;

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
