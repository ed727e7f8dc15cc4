namespace AvecSante.Core.People;

public interface IPeopleDirectory
{
    Task UpsertAsync(Person person, CancellationToken cancellationToken);

    Task<Person?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Everyone who may receive call alerts (alerts enabled), in one partition-scoped query.</summary>
    Task<IReadOnlyList<Person>> ListAlertRecipientsAsync(CancellationToken cancellationToken);
}
