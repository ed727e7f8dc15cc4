using AvecSante.Core.People;

namespace AvecSante.Core.Ticketing;

/// <summary>Finds the person of the directory an attendee is, by email (case-insensitive); null when none.</summary>
public interface IAttendeeMatcher
{
    Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
