namespace AvecSante.Core.Alerts;

/// <summary>
/// Signed links that can be taken back: a token is valid when its signature and expiry are, and it was issued at or
/// after the subject's current link version (<see cref="ILinkVersions"/>). A token of an older format (no issue time)
/// is void as soon as the subject has a version. Any link that acts for a person (preferences, sign-in) checks here.
/// </summary>
public sealed class RevocableLinks(SignedLinks links, ILinkVersions versions)
{
    public async Task<LinkCheck> VerifyAsync(string? token, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        var check = links.Verify(token, purpose);
        if (!check.IsValid)
        {
            return check;
        }
        var version = await versions.GetAsync(check.PersonId!, cancellationToken).ConfigureAwait(false);
        return version is not null && (check.IssuedAt is not { } issued || issued < version.ValidFrom)
            ? check with { Problem = LinkProblem.Revoked }
            : check;
    }

    /// <summary>Voids every link of the subject issued until now; returns the new version.</summary>
    public Task<LinkVersion> RevokeAsync(string subjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return versions.BumpAsync(subjectId, cancellationToken);
    }
}
