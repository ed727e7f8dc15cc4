using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>POST /api/notifications/{id}/retry on Azurite: the same OutboxRetry as the console's « Réessayer ».</summary>
public sealed class RetryNotificationApiTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_failed_send_is_retried_once_sent_by_the_next_dispatch_and_a_second_retry_is_a_409()
    {
        var now = _host.Clock.GetUtcNow();
        var failed = FailedSends.TicketConfirmation("api-retry", "attendee-api", "yann.exemple@example.org", "Yann Exemple", now, TimeSpan.FromHours(2));
        Assert.True(await _host.Services.GetRequiredService<IOutboxStore>().TryEnqueueAsync(failed, CancellationToken.None));
        using var client = _host.CreateAdminClient();

        using var retried = await client.PostAsync(new Uri($"/api/notifications/{failed.Id}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        using var again = await client.PostAsync(new Uri($"/api/notifications/{failed.Id}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        using var unknown = await client.PostAsync(new Uri("/api/notifications/inconnu/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);

        var dispatch = await (await client.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, dispatch.GetProperty("sent").GetInt32());
        var audit = await _host.Services.GetRequiredService<IMemberAuditTrail>().ListAsync(failed.Id, 1, CancellationToken.None);
        Assert.Equal([(OutboxRetry.AuditAction, "key:default")], audit.Select(e => (e.Action, e.Actor)));
    }

    [Fact]
    public async Task Without_a_key_the_retry_is_refused()
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/notifications/abc/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
