using AvecSante.Core.Calls;
using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

/// <summary>
/// The personal calendar subscription: an unguessable address per person (256 random bits, stored only as a digest),
/// revoked by issuing another or by revoking it; what it serves is computed from the calls at each read.
/// </summary>
public sealed class PersonalCalendar(ICalendarFeedStore feeds, IPeopleDirectory people, ICallRepository calls, SpaceAddresses addresses, TimeProvider clock)
{
    /// <returns>The new token (shown once); the person's earlier address stops working.</returns>
    public async Task<string> IssueAsync(string personId, CancellationToken cancellationToken)
    {
        var token = SpaceSignIn.NewSecret();
        await feeds.ReplaceAsync(personId, SpaceSignIn.SecretKey(token), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return token;
    }

    public Task<int> RevokeAsync(string personId, CancellationToken cancellationToken) => feeds.RevokeAsync(personId, cancellationToken);

    public Task<bool> HasFeedAsync(string personId, CancellationToken cancellationToken) => feeds.HasFeedAsync(personId, cancellationToken);

    /// <summary>The .ics of a feed token; null for an unknown, revoked or erased one (same answer for each).</summary>
    public async Task<string?> RenderAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 20 and < 100 })
        {
            return null;
        }
        var personId = await feeds.FindPersonAsync(SpaceSignIn.SecretKey(token), cancellationToken).ConfigureAwait(false);
        if (personId is null || await people.GetAsync(personId, cancellationToken).ConfigureAwait(false) is not { } person)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var all = await calls.ListAsync(new CallFilter(), cancellationToken).ConfigureAwait(false);
        return PersonalCalendarWriter.Write(PersonalCalendarWriter.Select(all, person, now), addresses, now);
    }
}
