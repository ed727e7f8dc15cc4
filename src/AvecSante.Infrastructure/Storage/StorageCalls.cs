using Azure.Core;
using Azure.Core.Pipeline;

namespace AvecSante.Infrastructure.Storage;

/// <summary>
/// Counts the storage requests (retries included) made inside a scope, for the benchmark's "storage calls per
/// acknowledged delivery". Every storage client carries <see cref="Policy"/>; outside a scope it does nothing.
/// </summary>
public static class StorageCalls
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public static HttpPipelinePolicy Policy { get; } = new CountingPolicy();

    /// <summary>Starts counting for the calling flow (an HTTP request, say) and what it awaits.</summary>
    public static Counter Begin()
    {
        var counter = new Counter();
        Current.Value = counter;
        return counter;
    }

    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        internal void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => Current.Value?.Add();
    }
}
