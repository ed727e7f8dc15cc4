using AvecSante.Core.Members;
using AvecSante.Core.Space;

namespace AvecSante.Infrastructure.Space;

/// <summary>
/// The coordinators' space as a holder of personal data: the person's open sessions and calendar address. Access says
/// whether they exist (never their secrets, which are stored only as digests); erasure ends them.
/// </summary>
public sealed class SpacePersonalData(ISpaceSessionStore sessions, ICalendarFeedStore feeds) : IPersonalDataHolder
{
    public string Section => "espace";

    public async Task<object?> ExportAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new { CalendarSubscription = await feeds.HasFeedAsync(person.Id, cancellationToken).ConfigureAwait(false) };
    }

    public async Task<int> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return await sessions.DeleteForPersonAsync(person.Id, cancellationToken).ConfigureAwait(false)
            + await feeds.RevokeAsync(person.Id, cancellationToken).ConfigureAwait(false);
    }
}
