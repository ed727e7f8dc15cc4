using AvecSante.Core.Documents;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Documents;

/// <summary>Section "Documents": the capitalisation library's limits.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// The Functions host refuses request bodies above 100 MB (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT), so a larger limit
    /// here could never be reached with our own 413.
    /// </summary>
    public const long UpperLimitBytes = 100L * 1024 * 1024;

    /// <summary>Largest file accepted, in bytes (default 25 MB); beyond, uploads get a 413.</summary>
    public long MaxUploadBytes { get; set; } = DocumentRules.DefaultMaxUploadBytes;

    /// <summary>Days a deleted document stays in the bin, restorable, before the purge erases it.</summary>
    public int RestoreDays { get; set; } = DocumentRules.DefaultRestoreDays;

    public DocumentRules ToRules() => new(MaxUploadBytes, TimeSpan.FromDays(RestoreDays));
}

public sealed class DocumentsOptionsValidator : IValidateOptions<DocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentsOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUploadBytes is <= 0 or > DocumentsOptions.UpperLimitBytes)
        {
            failures.Add($"Setting 'Documents:MaxUploadBytes' must be between 1 and {DocumentsOptions.UpperLimitBytes} (100 MB, the Functions host's own request limit).");
        }
        if (options.RestoreDays is < 1 or > 3650)
        {
            failures.Add("Setting 'Documents:RestoreDays' must be between 1 and 3650 days.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
