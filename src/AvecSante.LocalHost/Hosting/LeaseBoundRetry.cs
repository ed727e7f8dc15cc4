using Azure;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// Retries a storage call about a leased queue message (its release, deletion or move to the poison queue) while the
/// lease still holds: if storage is down for a moment, giving up at once would leave the message invisible until its
/// lease ends (the function timeout, ten minutes), whereas a retry a few seconds later costs a few seconds. Once the
/// next wait would end past the lease, the failure is thrown, and the lease brings the message back as it would have.
/// </summary>
public static class LeaseBoundRetry
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Func<CancellationToken, Task> call, DateTimeOffset leaseEnd, TimeProvider time, CancellationToken cancellationToken, TimeSpan? firstWait = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(time);
        var wait = firstWait ?? FirstWait;
        while (true)
        {
            try
            {
                await call(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsStorageUnreachable(ex) && time.GetUtcNow() + wait < leaseEnd && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }

    /// <summary>A refusal that another try may not meet: the service's 5xx and 408, or no answer at all.</summary>
    private static bool IsStorageUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or >= 500 } => true,
        HttpRequestException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageUnreachable),
        _ => false,
    };
}
