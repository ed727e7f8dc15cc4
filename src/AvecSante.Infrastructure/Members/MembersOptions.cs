using AvecSante.Core.Members;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>Section "Members": status and retention rules of the member file, and the import's size limit.</summary>
public sealed class MembersOptions
{
    public const string Section = "Members";

    /// <summary>Months of grace after the year a cotisation covers, before the membership lapses.</summary>
    public int GraceMonths { get; set; } = MembershipStatusRules.DefaultGraceMonths;

    /// <summary>People of structures that left are erased this many months after the last one left.</summary>
    public int RetentionAfterLeftMonths { get; set; } = 36;

    /// <summary>Non-member contacts are erased this many months after their last real contact (CNIL: three years).</summary>
    public int ContactRetentionMonths { get; set; } = 36;

    /// <summary>Largest CSV accepted by POST members/import (bytes).</summary>
    public int ImportMaxBytes { get; set; } = 5 * 1024 * 1024;

    public RetentionRules ToRetentionRules() => new(RetentionAfterLeftMonths, ContactRetentionMonths);
}

public sealed class MembersOptionsValidator : IValidateOptions<MembersOptions>
{
    public ValidateOptionsResult Validate(string? name, MembersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.GraceMonths is < 0 or > 24)
        {
            failures.Add("Setting 'Members:GraceMonths' must be between 0 and 24 (months of grace after the year a cotisation covers).");
        }
        if (options.RetentionAfterLeftMonths is < 1 or > 240)
        {
            failures.Add("Setting 'Members:RetentionAfterLeftMonths' must be between 1 and 240.");
        }
        if (options.ContactRetentionMonths is < 1 or > 240)
        {
            failures.Add("Setting 'Members:ContactRetentionMonths' must be between 1 and 240.");
        }
        if (options.ImportMaxBytes is < 1024 or > 100 * 1024 * 1024)
        {
            failures.Add("Setting 'Members:ImportMaxBytes' must be between 1024 and 104857600.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
