using System.Collections.Concurrent;
using Azure;

namespace AvecSante.Infrastructure.Storage;

/// <summary>
/// Storage clients by logical name, whose table or container is created once per process. A creation that failed
/// (storage unreachable) is forgotten, so the next call tries again instead of failing for the life of the process.
/// </summary>
internal sealed class CreatedOnce<TClient>(Func<string, Task<TClient>> create)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TClient>>> _clients = new(StringComparer.Ordinal);

    public async Task<TClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _clients.GetOrAdd(logicalName, name => new Lazy<Task<TClient>>(() => create(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            _clients.TryRemove(KeyValuePair.Create(logicalName, lazy));
            throw;
        }
    }
}
