using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Calls;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>POST /api/calls/{id}/cancellation then /reinstatement through the LocalHost on Azurite, under If-Match.</summary>
public sealed class CallChangesApiTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_call_cancelled_by_mistake_is_reinstated_under_its_etag_and_a_call_not_cancelled_is_refused()
    {
        var now = _host.Clock.GetUtcNow();
        Assert.True(await _host.Services.GetRequiredService<ICallRepository>().TryAddAsync(new CallForProjects
        {
            Id = "api-reinstated",
            Title = "Coordination des soins non programmés (fictif)",
            Funder = "CPAM 35",
            Source = SourceTrust.Staff,
            Departments = ["35"],
            Deadline = now.AddDays(30),
            CreatedAt = now,
        }, CancellationToken.None));
        using var client = _host.CreateAdminClient();

        using var notCancelled = await PostAsync(client, "/api/calls/api-reinstated/reinstatement", null);
        using var cancelled = await PostAsync(client, "/api/calls/api-reinstated/cancellation", null);
        var etag = cancelled.Headers.ETag!.ToString();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        using var stale = await PostAsync(client, "/api/calls/api-reinstated/reinstatement", "\"une-autre-version\"");
        using var reinstated = await PostAsync(client, "/api/calls/api-reinstated/reinstatement", etag);

        Assert.Equal(HttpStatusCode.Conflict, notCancelled.StatusCode);
        Assert.Equal("application/problem+json", notCancelled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        var call = await reinstated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", call.GetProperty("status").GetString());
        Assert.NotEqual(etag, reinstated.Headers.ETag!.ToString());
    }
}
