namespace AvecSante.Core.Documents;

/// <summary>The library's limits, from settings (Documents:MaxUploadBytes, Documents:RestoreDays).</summary>
public sealed record DocumentRules(long MaxUploadBytes, TimeSpan RestorePeriod)
{
    public const long DefaultMaxUploadBytes = 25L * 1024 * 1024;
    public const int DefaultRestoreDays = 30;

    public static DocumentRules Default { get; } = new(DefaultMaxUploadBytes, TimeSpan.FromDays(DefaultRestoreDays));

    public DateTimeOffset RestorableUntil(DateTimeOffset deletedAt) => deletedAt + RestorePeriod;
}
