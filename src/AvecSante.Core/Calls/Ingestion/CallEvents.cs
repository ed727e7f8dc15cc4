namespace AvecSante.Core.Calls.Ingestion;

/// <summary>A known call changed in a way coordinators should hear of (deadline moved, cancelled, reopened, rewritten).</summary>
public sealed record CallChangedEvent(string CallId, DateTimeOffset At, IReadOnlyList<CallChange> Changes);

/// <summary>Where "call changed" events go; the alerts capability reads them from there.</summary>
public interface ICallEventLog
{
    Task AppendAsync(CallChangedEvent change, CancellationToken cancellationToken);

    /// <summary>Events at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<CallChangedEvent>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
