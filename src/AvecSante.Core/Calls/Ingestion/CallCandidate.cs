namespace AvecSante.Core.Calls.Ingestion;

/// <summary>
/// What a source hands over for one call before normalisation: the text or HTML of the call and what the source
/// itself knows (its address, a sender, a publication date, a structured deadline to be checked against the text).
/// </summary>
public sealed record CallCandidate
{
    public required string Source { get; init; }

    public required string Text { get; init; }

    public Uri? Url { get; init; }

    /// <summary>The sender's address, for calls that arrived by mail.</summary>
    public string? Sender { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>A deadline the source gave in a structured field (aides-territoires' submission_deadline).</summary>
    public DateOnly? StructuredDeadline { get; init; }

    /// <summary>The source's own title for the call, when it has one apart from the text.</summary>
    public string? Title { get; init; }

    /// <summary>The source's default funder (a CPAM mailbox, the ARS site), used when the text names none.</summary>
    public string? FunderHint { get; init; }

    /// <summary>How far the source is believed about calls it did not bring first (a funder's site, an aggregator).</summary>
    public SourceTrustLevel Trust { get; init; } = SourceTrustLevel.Aggregator;
}

/// <summary>What one run of a source brought: candidates, and where to start next time.</summary>
public sealed record SourceBatch(IReadOnlyList<CallCandidate> Candidates, string? NextCursor, int Rejected = 0, string? Warning = null);

/// <summary>One configured source of calls (a web listing, a feed, aides-territoires, a mailbox).</summary>
public interface ICallSource
{
    string Name { get; }

    string Kind { get; }

    /// <param name="cursor">Where the last successful run stopped (source-specific), null the first time.</param>
    Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken);
}
