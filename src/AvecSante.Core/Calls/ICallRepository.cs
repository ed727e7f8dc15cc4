namespace AvecSante.Core.Calls;

public sealed record CallFilter(
    CallStatus? Status = null,
    string? Theme = null,
    string? Department = null,
    string? Funder = null,
    string? StructureKind = null);

public interface ICallRepository
{
    /// <summary>Stores a new call; false when a call with that id already exists (nothing is changed then).</summary>
    Task<bool> TryAddAsync(CallForProjects call, CancellationToken cancellationToken);

    Task<CallForProjects?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallForProjects>> ListAsync(CallFilter filter, CancellationToken cancellationToken);

    /// <summary>Replaces a call read earlier; null when someone changed it in between (ETag, 412), else the new version.</summary>
    Task<CallForProjects?> TryUpdateAsync(CallForProjects call, CancellationToken cancellationToken);
}
