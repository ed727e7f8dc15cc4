namespace AvecSante.Core.Calls.Ingestion;

/// <summary>The health of one source: its last run, what it brought, its last error (GET /api/calls/sources).</summary>
public sealed record SourceRun
{
    public required string Source { get; init; }

    public required string Kind { get; init; }

    public bool Enabled { get; init; } = true;

    public DateTimeOffset? LastRunAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>ok, failed, or never.</summary>
    public string Status { get; init; } = "never";

    public int Seen { get; init; }

    public int New { get; init; }

    public int Changed { get; init; }

    public int Rejected { get; init; }

    public string? LastError { get; init; }

    /// <summary>Where the last successful run stopped; a failed run keeps the previous cursor so nothing is skipped.</summary>
    public string? Cursor { get; init; }
}

public interface ISourceRunStore
{
    Task<SourceRun?> GetAsync(string source, CancellationToken cancellationToken);

    Task SaveAsync(SourceRun run, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceRun>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The sources this deployment reads (settings "Calls:Sources:{name}:…").</summary>
public interface ICallSourceCatalog
{
    IReadOnlyList<ICallSource> EnabledSources { get; }

    IReadOnlyList<(string Name, string Kind)> DisabledSources { get; }
}
