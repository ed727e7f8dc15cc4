using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Storage;

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
