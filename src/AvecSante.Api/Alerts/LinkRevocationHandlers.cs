using AvecSante.Api.Http;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Alerts;

/// <summary>
/// POST /api/members/people/{id}/links/revoke: staff void every preferences link sent to a person so far (a forwarded
/// alert, a lost mailbox). The next alert carries a new link.
/// </summary>
public sealed partial class LinkRevocationHandlers(RevocableLinks links, IPeopleDirectory people, ILogger<LinkRevocationHandlers> logger)
{
    public async Task<IResult> RevokeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var person = StableKeys.IsSafe(id) ? await people.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (person is null)
        {
            return Problems.NotFound("Personne");
        }
        var version = await links.RevokeAsync(person.Id, cancellationToken).ConfigureAwait(false);
        LogRevoked(person.Id, version.Number);
        return TypedResults.Ok(new { personId = person.Id, linkVersion = version.Number, validFrom = version.ValidFrom });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Links of person {PersonId} revoked by staff (version {Version})")]
    private partial void LogRevoked(string personId, int version);
}
