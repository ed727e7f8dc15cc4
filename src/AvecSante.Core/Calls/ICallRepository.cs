namespace AvecSante.Core.Calls;

public sealed record CallFilter(
    CallStatus? Status = null,
    string? Theme = null,
    string? Department = null,
    string? Funder = null,
    string? StructureKind = null);

public interface ICallRepository
{
    /// <summary>Stores a new call; false when a call with that id already exists (nothing is changed then).</summary>
    Task<bool> TryAddAsync(CallForProjects call, CancellationToken cancellationToken);

    Task<CallForProjects?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallForProjects>> ListAsync(CallFilter filter, CancellationToken cancellationToken);

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
