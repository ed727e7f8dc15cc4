namespace AvecSante.Core.Reports;

public enum ReportRunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>Asked for and waiting on the work queue (or between two attempts).</summary>
    Queued,
}

/// <summary>A stored file of a year's report: where it is and what its bytes are.</summary>
public sealed record ReportFile(string Format, string FileName, string ContentType, long Size, string Sha256);

/// <summary>The state of a year's report: the last compilation, its files and how long it took.</summary>
public sealed record AnnualReportRecord
{
    public required int Year { get; init; }

    public required ReportRunStatus Status { get; init; }

    /// <summary>"manual" (POST), "scheduled" (15 January) or "demo".</summary>
    public required string Trigger { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public IReadOnlyList<ReportFile> Files { get; init; } = [];

    /// <summary>Why it failed, in French (no personal data).</summary>
    public string? Error { get; init; }

    /// <summary>Seconds the last compilation took (read, compute, render, store).</summary>
    public double? Seconds { get; init; }

    /// <summary>The queued request this record belongs to (null for a compilation the timer ran in-process).</summary>
    public string? RequestId { get; init; }

    /// <summary>Opaque concurrency token of the stored record (an ETag).</summary>
    public string? Version { get; init; }
}

/// <summary>Where reports live: a record per year (Tables) and the files (Blob, under the year).</summary>
public interface IAnnualReportArchive
{
    Task<AnnualReportRecord?> GetAsync(int year, CancellationToken cancellationToken);

    /// <summary>Adds the record (Version null) or replaces the one read (its Version); null when someone else wrote it meanwhile.</summary>
    Task<AnnualReportRecord?> TrySaveAsync(AnnualReportRecord record, CancellationToken cancellationToken);

    Task<ReportFile> StoreFileAsync(int year, string format, string fileName, string contentType, byte[] content, CancellationToken cancellationToken);

    Task<Stream?> OpenFileAsync(int year, string fileName, CancellationToken cancellationToken);

    /// <summary>The scheduled compilation's claim for a year: true for the first caller only.</summary>
    Task<bool> TryClaimScheduledAsync(int year, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives the claim back (the compilation could not be queued), so the next occurrence asks again.</summary>
    Task ReleaseScheduledClaimAsync(int year, CancellationToken cancellationToken);
}

/// <summary>The three renderings of a report.</summary>
public sealed record RenderedReport(byte[] Docx, byte[] Xlsx, byte[] Json);

public interface IAnnualReportRenderer
{
    RenderedReport Render(AnnualReport report);
}
