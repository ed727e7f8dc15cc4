using AvecSante.Core.Members;

namespace AvecSante.Core.Ticketing;

/// <summary>Finds the person of the directory an attendee is: by email, then by name and structure; null when none.</summary>
public interface IAttendeeMatcher
{
    /// <summary>By email, case-insensitive.</summary>
    Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// By first and last name (accents and case ignored) when exactly one person bears it; among namesakes, the one
    /// whose structure matches one of <paramref name="structureHints"/>. Null when ambiguous (see <see cref="AttendeeNameMatching"/>).
    /// </summary>
    Task<Person?> FindByNameAsync(string? firstName, string? lastName, IReadOnlyCollection<string> structureHints, CancellationToken cancellationToken);
}
