namespace AvecSante.Core.Alerts;

/// <summary>A subject's link version: how many times its links were revoked, and since when links are valid again.</summary>
public sealed record LinkVersion(int Number, DateTimeOffset ValidFrom);

/// <summary>
/// Per-subject (person) link versions. Bumping one voids every signed link issued for that subject before the bump,
/// whatever its purpose checks it; links minted afterwards work. Subjects never bumped have no row.
/// </summary>
public interface ILinkVersions
{
    Task<LinkVersion?> GetAsync(string subjectId, CancellationToken cancellationToken);

    Task<LinkVersion> BumpAsync(string subjectId, CancellationToken cancellationToken);
}
