using AvecSante.LocalHost.Hosting;
using Azure;

namespace AvecSante.UnitTests.Hosting;

public sealed class LeaseBoundRetryTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_release_refused_while_storage_is_down_is_tried_again_until_it_goes_through()
    {
        var calls = 0;
        await LeaseBoundRetry.RunAsync(_ =>
        {
            calls++;
            return calls switch
            {
                1 => throw new HttpRequestException("Connection refused"),
                2 => throw new RequestFailedException(503, "Server busy"),
                _ => Task.CompletedTask,
            };
        }, DateTimeOffset.UtcNow.AddMinutes(1), TimeProvider.System, default, Tick);

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_refusal_another_try_cannot_change_is_thrown_at_once()
    {
        var calls = 0;

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => LeaseBoundRetry.RunAsync(_ =>
        {
            calls++;
            throw new RequestFailedException(404, "The specified message does not exist.");
        }, DateTimeOffset.UtcNow.AddMinutes(1), TimeProvider.System, default, Tick));

        Assert.Equal(404, refused.Status);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Once_the_lease_would_be_over_the_failure_is_thrown_and_the_lease_brings_the_message_back()
    {
        var calls = 0;
        var leaseEnd = DateTimeOffset.UtcNow.AddMilliseconds(200);

        await Assert.ThrowsAsync<HttpRequestException>(() => LeaseBoundRetry.RunAsync(_ =>
        {
            calls++;
            throw new HttpRequestException("Connection refused");
        }, leaseEnd, TimeProvider.System, default, Tick));

        Assert.True(calls > 1, "retried while the lease held");
        Assert.True(DateTimeOffset.UtcNow < leaseEnd.AddSeconds(1), "no wait ends past the lease");
    }
}
