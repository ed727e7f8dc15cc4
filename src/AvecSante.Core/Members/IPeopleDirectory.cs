namespace AvecSante.Core.Members;

public interface IPeopleDirectory
{
    Task UpsertAsync(Person person, CancellationToken cancellationToken);

    Task<Person?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes only the person's alert preferences, leaving the rest of the record as it is now (a member-file edit made
    /// meanwhile is kept). False when the person no longer exists.
    /// </summary>
    Task<bool> SavePreferencesAsync(string id, AlertPreferences preferences, CancellationToken cancellationToken);

    /// <summary>Everyone who may receive call alerts (alerts enabled), in one partition-scoped query.</summary>
    Task<IReadOnlyList<Person>> ListAlertRecipientsAsync(CancellationToken cancellationToken);
}
