using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Reports;

/// <summary>Section "Reports": the yearly activity report.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Board addresses (comma or semicolon separated); empty = the people holding the "board" role.</summary>
    public string BoardRecipients { get; set; } = string.Empty;

    /// <summary>Base of the links in the board's email: the API root as staff reach it ("https://app.example.org/api/").</summary>
    public Uri LinkBaseUrl { get; set; } = new("http://localhost:7071/api/");

    /// <summary>A compilation still "queued" or "running" after this many minutes is taken as abandoned (its message lost) and may be asked again.</summary>
    public int StaleAfterMinutes { get; set; } = 15;

    public IReadOnlyList<string> BoardAddresses() =>
        BoardRecipients.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.StaleAfterMinutes is < 1 or > 240)
        {
            errors.Add("Reports:StaleAfterMinutes must be between 1 and 240.");
        }
        if (!options.LinkBaseUrl.IsAbsoluteUri || !options.LinkBaseUrl.AbsoluteUri.EndsWith('/'))
        {
            errors.Add("Reports:LinkBaseUrl must be an absolute URL ending with '/'.");
        }
        foreach (var address in options.BoardAddresses())
        {
            if (!System.Net.Mail.MailAddress.TryCreate(address, out _))
            {
                errors.Add("Reports:BoardRecipients holds an address that is not valid.");
                break;
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
