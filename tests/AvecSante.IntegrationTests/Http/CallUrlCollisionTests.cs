using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Http;

/// <summary>A call submitted with the URL of another call (another title) is a 409 naming that call, not "already known".</summary>
public sealed class CallUrlCollisionTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static object Call(string title) => new
    {
        title,
        funder = "ARS Bretagne",
        url = "https://www.example.org/ars/appels-a-projets",
        deadline = "2026-12-14T12:00",
        themes = new[] { "addictions" },
    };

    [Fact]
    public async Task Another_title_at_a_known_url_is_a_409_with_the_other_calls_id_and_the_same_call_again_a_200()
    {
        using var admin = _host.CreateAdminClient();
        using var first = await admin.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), Call("Appel fictif prévention du tabac"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var other = await admin.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), Call("Appel fictif santé mentale des jeunes"));
        using var again = await admin.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), Call("appel fictif  prevention du tabac"));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(id, problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/calls", UriKind.Relative));
        Assert.Equal(1, listed.GetArrayLength());
    }
}
