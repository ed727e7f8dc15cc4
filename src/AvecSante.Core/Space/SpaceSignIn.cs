using System.Buffers.Text;
using System.Security.Cryptography;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Space;

public enum SignInRequestOutcome
{
    /// <summary>Said the same whether or not the address is known (or allowed): "if it is known, a link is on its way".</summary>
    Accepted,
    InvalidAddress,
    TooManyRequests,
}

public enum SignInLinkState
{
    Valid,
    Invalid,
    Expired,
    Used,
    NotAllowed,
}

/// <summary>What a sign-in link gives: a new session's cookie value, or why not.</summary>
public sealed record SignInRedemption(SignInLinkState State, string? SessionToken = null, Person? Person = null);

/// <summary>
/// Entry to the coordinators' space by a link sent by email: ask for a link with an address (rate-limited per address
/// and per client, never saying whether the address is known), then redeem the link once for a server-side session.
/// </summary>
public sealed class SpaceSignIn(
    IPeopleRegister people,
    MembersService members,
    SignedLinks links,
    RevocableLinks revocable,
    SpaceAddresses addresses,
    AlertRouting routing,
    IOutboxStore outbox,
    ISignInClaimStore claims,
    ISpaceSessionStore sessions,
    IRateLimitStore limits,
    SpaceSettings settings,
    TimeProvider clock)
{
    /// <param name="clientKey">Who asks (the client's address); only its digest is kept.</param>
    /// <param name="returnPath">A page of the space to open after sign-in; anything else is dropped.</param>
    public async Task<SignInRequestOutcome> RequestLinkAsync(string? address, string clientKey, string? returnPath, CancellationToken cancellationToken)
    {
        var email = address?.Trim();
        if (email is not { Length: > 3 and <= 254 } || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@') || email.Any(char.IsWhiteSpace))
        {
            return SignInRequestOutcome.InvalidAddress;
        }
        var now = clock.GetUtcNow();
        // Both limits count every request, known address or not, so the answer says nothing about the address.
        var window = TimeSpan.FromHours(1);
        if (!await limits.TryTakeAsync("client~" + StableKeys.Digest(clientKey ?? string.Empty), settings.RequestsPerClientPerHour, window, now, cancellationToken).ConfigureAwait(false)
            || !await limits.TryTakeAsync("address~" + StableKeys.Digest(email.ToLowerInvariant()), settings.RequestsPerAddressPerHour, window, now, cancellationToken).ConfigureAwait(false))
        {
            return SignInRequestOutcome.TooManyRequests;
        }
        var person = MemberRecordRules.FindByEmail(await people.ListAllAsync(cancellationToken).ConfigureAwait(false), email);
        if (person is not null && await MayEnterAsync(person, cancellationToken).ConfigureAwait(false))
        {
            var token = links.CreateToken(person.Id, LinkPurpose.SpaceSignIn, settings.SignInLinkValidity);
            var content = SignInEmailComposer.Compose(person, addresses.SignIn(token, returnPath), settings.SignInLinkValidity);
            await outbox.TryEnqueueAsync(routing.Envelope(person, content, SignInEmailComposer.Kind, "signin~" + LinkKey(token), reason: null, now), cancellationToken).ConfigureAwait(false);
        }
        return SignInRequestOutcome.Accepted;
    }

    /// <summary>What a link is worth now, without using it (the page that shows the "enter" button).</summary>
    public async Task<SignInLinkState> CheckAsync(string? token, CancellationToken cancellationToken) =>
        (await ReadLinkAsync(token, cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Uses the link (once, whoever comes second loses) and opens a session for its person.</summary>
    public async Task<SignInRedemption> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        var (state, personId) = await ReadLinkAsync(token, cancellationToken).ConfigureAwait(false);
        if (state != SignInLinkState.Valid)
        {
            return new(state);
        }
        var now = clock.GetUtcNow();
        if (!await claims.TryClaimAsync(LinkKey(token!), personId!, now, cancellationToken).ConfigureAwait(false))
        {
            return new(SignInLinkState.Used);
        }
        // Checked again at redemption: access withdrawn since the link was sent is withdrawn now.
        var person = await people.GetAsync(personId!, cancellationToken).ConfigureAwait(false);
        if (person is null || !await MayEnterAsync(person, cancellationToken).ConfigureAwait(false))
        {
            return new(SignInLinkState.NotAllowed);
        }
        var sessionToken = NewSecret();
        await sessions.CreateAsync(SecretKey(sessionToken), new SpaceSession(person.Id, now + settings.SessionLength), cancellationToken).ConfigureAwait(false);
        return new(SignInLinkState.Valid, sessionToken, person);
    }

    /// <summary>The person of a session cookie, when the session holds and the person still exists; null otherwise.</summary>
    public async Task<Person?> ResolveSessionAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        if (sessionToken is not { Length: > 20 and < 100 })
        {
            return null;
        }
        var session = await sessions.FindAsync(SecretKey(sessionToken), cancellationToken).ConfigureAwait(false);
        if (session is null || session.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }
        return await people.GetAsync(session.PersonId, cancellationToken).ConfigureAwait(false);
    }

    public Task SignOutAsync(string? sessionToken, CancellationToken cancellationToken) =>
        sessionToken is { Length: > 20 and < 100 } ? sessions.DeleteAsync(SecretKey(sessionToken), cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// The link's state and person, checked as every link that acts for a person is (<see cref="RevocableLinks"/>): a
    /// link issued before the person's links were taken back opens nothing.
    /// </summary>
    private async Task<(SignInLinkState State, string? PersonId)> ReadLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var check = await revocable.VerifyAsync(token, LinkPurpose.SpaceSignIn, cancellationToken).ConfigureAwait(false);
        if (check.Problem is LinkProblem.Malformed or LinkProblem.Forged or LinkProblem.Revoked)
        {
            return (SignInLinkState.Invalid, null);
        }
        if (await claims.IsClaimedAsync(LinkKey(token!), cancellationToken).ConfigureAwait(false))
        {
            return (SignInLinkState.Used, null);
        }
        return check.Problem == LinkProblem.Expired ? (SignInLinkState.Expired, null) : (SignInLinkState.Valid, check.PersonId);
    }

    private async Task<bool> MayEnterAsync(Person person, CancellationToken cancellationToken)
    {
        var statuses = new List<MembershipStatus>();
        foreach (var id in person.StructureIds)
        {
            if (await members.GetStructureAsync(id, cancellationToken).ConfigureAwait(false) is { } view)
            {
                statuses.Add(view.Status);
            }
        }
        return SpaceAccess.MayEnter(person, statuses);
    }

    /// <summary>A random value of 256 bits, base64url: session cookies and calendar feed tokens.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Secrets are stored only as digests, so a copy of the tables opens nothing.</summary>
    public static string SecretKey(string secret) => StableKeys.Digest("secret|" + secret, 64);

    private static string LinkKey(string token) => StableKeys.Digest("signin|" + token, 64);
}
