using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Members;

/// <summary>The member file's admin API through the LocalHost app, on Azurite.</summary>
public sealed class MembersApiTests : IAsyncLifetime, IDisposable
{
    // A valid SIRET (Luhn) and FINESS of invented structures.
    private const string Siret = "73282932000074";

    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> CreateStructureAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsync(new Uri("/api/members/structures", UriKind.Relative), Json(body));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    [Fact]
    public async Task Member_routes_need_a_function_key()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/members/structures", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_structure_with_a_wrong_SIRET_key_and_an_unknown_department_gets_a_422_naming_both()
    {
        using var client = _host.CreateAdminClient();

        using var response = await client.PostAsync(new Uri("/api/members/structures", UriKind.Relative),
            Json(new { kind = "MSP", name = "MSP de l'Odet (fictive)", department = "44", siret = "73282932000075" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("SIRET invalide : la clé de contrôle ne correspond pas.", errors.GetProperty("siret")[0].GetString());
        Assert.Equal("Département inconnu : attendu 22, 29, 35 ou 56.", errors.GetProperty("department")[0].GetString());
    }

    [Fact]
    public async Task A_structure_is_created_read_updated_under_its_ETag_and_its_SIRET_stays_unique()
    {
        using var client = _host.CreateAdminClient();
        var created = await CreateStructureAsync(client, new { kind = "msp", name = "MSP de l'Odet (fictive)", department = "29", commune = "Quimper", siret = "732 829 320 00074", aciSignatory = true, joinedOn = "2026-02-01" });
        var id = created.GetProperty("id").GetString();

        using var read = await client.GetAsync(new Uri($"/api/members/structures/{id}", UriKind.Relative));
        var etag = read.Headers.ETag?.ToString() ?? read.Headers.GetValues("ETag").Single();
        using var duplicate = await client.PostAsync(new Uri("/api/members/structures", UriKind.Relative), Json(new { kind = "ESP", name = "Autre", department = "22", siret = Siret }));
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/members/structures/{id}", UriKind.Relative)) { Content = Json(new { kind = "MSP", name = "MSP de l'Odet (fictive)", department = "29", commune = "Quimper", siret = Siret, aciSignatory = true, sisa = true, joinedOn = "2026-02-01" }) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        using var updated = await client.SendAsync(put);
        using var stale = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/members/structures/{id}", UriKind.Relative)) { Content = Json(new { kind = "MSP", name = "Renommée", department = "29", siret = Siret }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var refused = await client.SendAsync(stale);

        Assert.Equal("MSP", created.GetProperty("kind").GetString());
        Assert.Equal(Siret, created.GetProperty("siret").GetString());
        Assert.Equal("none", created.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.True((await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sisa").GetBoolean());
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
    }

    [Fact]
    public async Task Recording_a_cotisation_makes_the_structure_a_new_member_and_the_status_filter_finds_it()
    {
        using var client = _host.CreateAdminClient();
        var id = (await CreateStructureAsync(client, new { kind = "ESP", name = "ESP de Crozon (fictive)", department = "29", joinedOn = "2026-03-01" })).GetProperty("id").GetString();
        await CreateStructureAsync(client, new { kind = "CPTS", name = "CPTS du Pays de Lorient (fictive)", department = "56" });

        using var fee = await client.PostAsync(new Uri($"/api/members/structures/{id}/cotisations", UriKind.Relative),
            Json(new { year = 2026, amount = 120.50m, paidOn = "2026-03-10", method = "virement", nationalShare = 30m }));
        using var badFee = await client.PostAsync(new Uri($"/api/members/structures/{id}/cotisations", UriKind.Relative),
            Json(new { year = 2026, amount = 20m, nationalShare = 30m }));
        var members = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?status=new", UriKind.Relative));
        var others = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?status=none", UriKind.Relative));
        using var badStatus = await client.GetAsync(new Uri("/api/members/structures?status=paid", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, fee.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badFee.StatusCode);
        Assert.Equal("ESP de Crozon (fictive)", members.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal("nouvelle adhérente", members[0].GetProperty("statusLabel").GetString());
        Assert.Equal("CPTS du Pays de Lorient (fictive)", others.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task A_person_takes_the_department_and_kind_of_their_structure_for_call_matching_and_is_found_by_it()
    {
        using var client = _host.CreateAdminClient();
        var structure = (await CreateStructureAsync(client, new { kind = "MSP", name = "MSP des Abers (fictive)", department = "29", commune = "Plouguerneau" })).GetProperty("id").GetString();

        using var created = await client.PostAsync(new Uri("/api/members/people", UriKind.Relative),
            Json(new { firstName = "Maëlle", lastName = "Exemple", email = "Maelle.Exemple@example.org", roles = new[] { "coordinator" }, structureIds = new[] { structure } }));
        using var sameEmail = await client.PostAsync(new Uri("/api/members/people", UriKind.Relative),
            Json(new { firstName = "Autre", lastName = "Personne", email = "maelle.exemple@example.org" }));
        using var badCollege = await client.PostAsync(new Uri("/api/members/people", UriKind.Relative),
            Json(new { firstName = "Yann", lastName = "Exemple", email = "yann.exemple@example.org", boardCollege = 2 }));
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        var found = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people?commune=plouguerneau&role=coordinator&name=maelle", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("maelle.exemple@example.org", person.GetProperty("email").GetString());
        Assert.Equal("29", person.GetProperty("department").GetString());
        Assert.Equal("MSP", person.GetProperty("structureKind").GetString());
        Assert.Equal(HttpStatusCode.Conflict, sameEmail.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCollege.StatusCode);
        Assert.Equal(person.GetProperty("id").GetString(), found.EnumerateArray().Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ten_creations_of_one_address_at_the_same_moment_make_one_person_and_nine_conflicts()
    {
        using var client = _host.CreateAdminClient();

        var answers = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
        {
            using var response = await client.PostAsync(new Uri("/api/members/people", UriKind.Relative),
                Json(new { firstName = "Gaëlle", lastName = "Exemple" + i, email = "gaelle.exemple@example.org" }));
            return response.StatusCode;
        }));
        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people?name=gaelle", UriKind.Relative));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Single(people.EnumerateArray());
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_key_name_and_the_changed_field_names_only()
    {
        using var client = _host.CreateAdminClient();
        var structure = (await CreateStructureAsync(client, new { kind = "MSP", name = "MSP de Brocéliande (fictive)", department = "35" })).GetProperty("id").GetString();
        using var created = await client.PostAsync(new Uri("/api/members/people", UriKind.Relative),
            Json(new { firstName = "Soizic", lastName = "Exemple", email = "soizic.exemple@example.org", structureIds = new[] { structure } }));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var put = await client.PutAsync(new Uri($"/api/members/people/{id}", UriKind.Relative),
            Json(new { firstName = "Soizic", lastName = "Exemple", email = "soizic.exemple@example.org", phone = "02 99 00 00 00", structureIds = new[] { structure } }));

        var audit = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/members/audit?entity={id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var update = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "updated");
        Assert.Equal("key:default", update.GetProperty("actor").GetString());
        Assert.Equal(["phone"], update.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("02 99", audit.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("soizic", audit.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
