namespace AvecSante.Core.Members;

/// <summary>Data kept only while it serves (outbox bodies, raw payloads, archived mail): each store purges its own.</summary>
public interface IExpiringData
{
    /// <summary>Short name of what is purged ("outboxBodies", "rawPayloads"…), for the job's report.</summary>
    string Section { get; }

    /// <summary>Removes what is past its retention now; returns how many items. Running it again removes nothing more.</summary>
    Task<int> PurgeAsync(CancellationToken cancellationToken);
}
