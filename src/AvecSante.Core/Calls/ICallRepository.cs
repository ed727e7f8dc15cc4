namespace AvecSante.Core.Calls;

/// <summary>
/// Which calls a listing keeps. The instants bound the deadline (both ends inclusive) and the reception: a store filters
/// on them before the rows travel, so a page that shows a few calls reads only those.
/// </summary>
public sealed record CallFilter(
    CallStatus? Status = null,
    string? Theme = null,
    string? Department = null,
    string? Funder = null,
    string? StructureKind = null,
    DateTimeOffset? DeadlineFrom = null,
    DateTimeOffset? DeadlineTo = null,
    DateTimeOffset? CreatedFrom = null)
{
    /// <summary>Whether a call's deadline and reception fall within the bounds (a call without a deadline is outside any deadline bound).</summary>
    public bool WithinBounds(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (DeadlineFrom is null || call.Deadline >= DeadlineFrom)
            && (DeadlineTo is null || call.Deadline <= DeadlineTo)
            && (CreatedFrom is null || call.CreatedAt >= CreatedFrom);
    }
}

public interface ICallRepository
{
    /// <summary>Stores a new call; false when a call with that id already exists (nothing is changed then).</summary>
    Task<bool> TryAddAsync(CallForProjects call, CancellationToken cancellationToken);

    Task<CallForProjects?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallForProjects>> ListAsync(CallFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// What a list shows of the calls a filter keeps, nearest deadline first as <see cref="ListAsync"/>: stores that can
    /// read a few columns override this; the default maps the full listing.
    /// </summary>
    async Task<IReadOnlyList<CallListing>> ListListingsAsync(CallFilter filter, CancellationToken cancellationToken) =>
        [.. (await ListAsync(filter, cancellationToken).ConfigureAwait(false)).Select(CallListing.From)];

    /// <summary>Replaces a call read earlier; null when someone changed it in between (ETag, 412), else the new version.</summary>
    Task<CallForProjects?> TryUpdateAsync(CallForProjects call, CancellationToken cancellationToken);

    /// <summary>
    /// Calls published between two dates (inclusive), or received then when the publication date is unknown: the yearly
    /// report's read. Stores that can filter on the server override this; the default filters the full listing.
    /// </summary>
    async Task<IReadOnlyList<CallForProjects>> ListPublishedBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var all = await ListAsync(new CallFilter(), cancellationToken).ConfigureAwait(false);
        return all.Where(c => c.PublishedOn is { } p
            ? p >= from && p <= to
            : DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) >= from && DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) <= to).ToList();
    }
}
