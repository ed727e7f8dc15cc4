namespace AvecSante.Core.Space;

/// <summary>A signed-in visit of the space: whose it is and until when it holds.</summary>
public sealed record SpaceSession(string PersonId, DateTimeOffset ExpiresAt);

/// <summary>Sessions of the space, kept server-side so a sign-out ends them for good. Keys are digests of the cookie's value.</summary>
public interface ISpaceSessionStore
{
    Task CreateAsync(string sessionKey, SpaceSession session, CancellationToken cancellationToken);

    Task<SpaceSession?> FindAsync(string sessionKey, CancellationToken cancellationToken);

    Task DeleteAsync(string sessionKey, CancellationToken cancellationToken);

    /// <summary>Ends every session of a person (erasure, revocation); how many there were.</summary>
    Task<int> DeleteForPersonAsync(string personId, CancellationToken cancellationToken);
}

/// <summary>The single use of sign-in links: the first claim of a link's key wins, every later one is refused.</summary>
public interface ISignInClaimStore
{
    /// <returns>False when the link was used already.</returns>
    Task<bool> TryClaimAsync(string linkKey, string personId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> IsClaimedAsync(string linkKey, CancellationToken cancellationToken);
}

/// <summary>Counts requests per key in fixed windows, shared by every instance of the app.</summary>
public interface IRateLimitStore
{
    /// <returns>False when <paramref name="limit"/> requests were counted already in the current window.</returns>
    Task<bool> TryTakeAsync(string bucketKey, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Personal calendar feeds: one unguessable address per person at most; issuing a new one revokes the old.</summary>
public interface ICalendarFeedStore
{
    /// <summary>Records the digest of a new feed token as the person's only one.</summary>
    Task ReplaceAsync(string personId, string feedKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The person a feed key belongs to, when it is still the person's current one.</summary>
    Task<string?> FindPersonAsync(string feedKey, CancellationToken cancellationToken);

    /// <summary>True when the person has a feed today.</summary>
    Task<bool> HasFeedAsync(string personId, CancellationToken cancellationToken);

    /// <returns>How many records were removed.</returns>
    Task<int> RevokeAsync(string personId, CancellationToken cancellationToken);
}
