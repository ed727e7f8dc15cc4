using AvecSante.Core.Calls;

namespace AvecSante.Core.Space;

/// <summary>
/// The open calls as the board reads them, read from storage at most once per <see cref="Lifetime"/> per instance: every
/// board view needs all of them (thousands at national scale), and a call published or moved shows within that delay.
/// Concurrent views during a refresh share the one read.
/// </summary>
public sealed class OpenCallsSnapshot(ICallRepository calls, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, Task<IReadOnlyList<CallForProjects>> Calls)? _current;

    public Task<IReadOnlyList<CallForProjects>> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_current is { } current && now - current.ReadAt < Lifetime && !current.Calls.IsFaulted && !current.Calls.IsCanceled)
            {
                return current.Calls;
            }
            // Not bound to one request's cancellation: other views wait on the same read.
            var read = calls.ListAsync(new CallFilter(Status: CallStatus.Open), CancellationToken.None);
            _current = (now, read);
            return read.WaitAsync(cancellationToken);
        }
    }
}
