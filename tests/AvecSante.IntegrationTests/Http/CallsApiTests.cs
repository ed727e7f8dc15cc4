using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.Api.Samples;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Http;

/// <summary>The first vertical slice through the real LocalHost app, on Azurite, mail to the local outbox.</summary>
public sealed class CallsApiTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        await _host.Services.GetRequiredService<SamplePeopleSeeder>()
            .SeedAsync(RepositoryFiles.Path("samples", "people.json"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> SampleCallAsync() =>
        await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "calls", "cpam29-addictions.json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Submitting_a_call_without_a_function_key_is_refused_with_401()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json(await SampleCallAsync()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Clé d'accès manquante ou invalide.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_the_code_parameter()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/calls?code={LocalHostFactory.AdminKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_in_French()
    {
        using var client = _host.CreateAdminClient();

        using var response = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json("{\"title\": \"Appel\", "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Le corps de la requête n'est pas un JSON valide.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_415_problem()
    {
        using var client = _host.CreateAdminClient();

        using var response = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), new StringContent("title=Appel", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ProblemAsync(response);
    }

    [Fact]
    public async Task A_call_without_a_title_gets_a_422_naming_the_title()
    {
        using var client = _host.CreateAdminClient();
        var body = (await SampleCallAsync()).Replace("\"title\":", "\"notTitle\":", StringComparison.Ordinal);

        using var response = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Le titre est obligatoire.", errors.GetProperty("title")[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task A_new_call_alerts_matching_coordinators_only_and_the_same_call_again_sends_nothing()
    {
        using var client = _host.CreateAdminClient();

        using var first = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json(await SampleCallAsync()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var call = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-12-14T12:00:00+01:00", call.GetProperty("deadlineParis").GetString());
        using var dispatched = await client.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);

        // samples/people.json: in the Finistère, Maëlle follows addictions, Katell follows everything;
        // Nolwenn (périnatalité), the other departments and Gwenaël (unsubscribed) get nothing.
        var recipients = Directory.GetFiles(_host.MailFolder, "*.eml").Select(ReadTo).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["katell.leroux@example.org", "maelle.legall@example.org"], recipients);

        using var again = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json(await SampleCallAsync()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32());
        using var _ = await client.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
        Assert.Equal(2, Directory.GetFiles(_host.MailFolder, "*.eml").Length);

        // The outbox also holds the call's shared-calendar entry and its Teams card (one each, not per person).
        var outbox = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/notifications?status=sent", UriKind.Relative));
        Assert.Equal(2, outbox.EnumerateArray().Count(m => m.GetProperty("kind").GetString() == "call-new"));
        Assert.Equal(["calendar", "teams-new-call"], outbox.EnumerateArray().Select(m => m.GetProperty("kind").GetString()).Where(k => k != "call-new").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stored_call_is_read_back_by_id_and_found_by_its_filters()
    {
        using var client = _host.CreateAdminClient();
        using var created = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), Json(await SampleCallAsync()));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var byId = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));
        var finistere = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls?department=29&theme=addictions&status=open", UriKind.Relative));
        var morbihan = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls?department=56", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/api/calls/nope", UriKind.Relative));
        using var badStatus = await client.GetAsync(new Uri("/api/calls?status=ouvert", UriKind.Relative));

        Assert.Equal("CPAM 29", byId.GetProperty("funder").GetString());
        Assert.Equal(id, finistere[0].GetProperty("id").GetString());
        Assert.Equal(0, morbihan.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        await ProblemAsync(badStatus);
    }

    [Fact]
    public async Task Health_is_public_and_reports_storage_reachable()
    {
        using var client = _host.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/health", UriKind.Relative));

        Assert.Equal("reachable", health.GetProperty("storage").GetString());
    }

    private static string ReadTo(string emlPath)
    {
        var to = File.ReadLines(emlPath).First(l => l.StartsWith("To:", StringComparison.Ordinal));
        return to[(to.IndexOf('<', StringComparison.Ordinal) + 1)..to.IndexOf('>', StringComparison.Ordinal)];
    }
}
