using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Members;

/// <summary>GDPR through the LocalHost app: access (JSON and readable page), erasure everywhere, the retention purge.</summary>
public sealed class PersonalDataTests : IAsyncLifetime, IDisposable
{
    private const string Email = "armelle.kerdonnec-essai@example.org";
    private const string LastName = "Kerdonnec-Essai";

    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static async Task ImportAsync(HttpClient client, string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri("/api/members/import", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private const string Members =
        "Prénom;Nom;E-mail;Rôles;Structure;Type;Département;Commune;Année de cotisation;Montant;Payée le;Date de sortie\r\n" +
        "Armelle;Kerdonnec-Essai;armelle.kerdonnec-essai@example.org;coordinatrice;MSP des Abers (fictive);MSP;29;Plouguerneau;2026;150,00;01/02/2026;\r\n" +
        "Tugdual;Exemple;tugdual.exemple@example.org;coordinatrice;MSP des Abers (fictive);MSP;29;Plouguerneau;2026;150,00;01/02/2026;\r\n" +
        "Brieuc;Ancien;brieuc.ancien@example.org;;MSP fermée (fictive);MSP;22;Paimpol;;;;30/06/2021\r\n" +
        "Sterenn;Contact;sterenn.contact@example.org;;;;;;;;;\r\n";

    private static async Task<string> PersonIdAsync(HttpClient client, string email)
    {
        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people", UriKind.Relative));
        return people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task After_erasing_a_person_who_had_alerts_no_table_or_blob_holds_their_email_or_name_and_the_counts_stay()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, Members);
        var call = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "calls", "cpam29-addictions.json"));
        using var submitted = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), new StringContent(call, Encoding.UTF8, "application/json"));
        Assert.Equal(2, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsPlanned").GetInt32());
        using var _ = await client.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
        var id = await PersonIdAsync(client, Email);
        Assert.NotEmpty(await MemberStorageScan.FindAsync(_host.TablePrefix, Email));
        var sendsBefore = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/notifications", UriKind.Relative))).GetArrayLength();
        var structuresBefore = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?status=new", UriKind.Relative))).GetArrayLength();

        using var erased = await client.DeleteAsync(new Uri($"/api/members/people/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var summary = (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased");
        Assert.Equal(1, summary.GetProperty("outbox").GetInt32());
        Assert.Equal(1, summary.GetProperty("imports").GetInt32());
        Assert.Empty(await MemberStorageScan.FindAsync(_host.TablePrefix, Email));
        Assert.Empty(await MemberStorageScan.FindAsync(_host.TablePrefix, LastName));
        Assert.Empty(await MemberStorageScan.FindAsync(_host.TablePrefix, "Armelle"));
        // The figures the report counts are unchanged: sends, member structures; the other person is untouched.
        Assert.Equal(sendsBefore, (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/notifications", UriKind.Relative))).GetArrayLength());
        Assert.Equal(structuresBefore, (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?status=new", UriKind.Relative))).GetArrayLength());
        Assert.NotEmpty(await MemberStorageScan.FindAsync(_host.TablePrefix, "tugdual.exemple@example.org"));
        using var gone = await client.GetAsync(new Uri($"/api/members/people/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var audit = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/members/audit?entity={id}", UriKind.Relative));
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "erased");
    }

    [Fact]
    public async Task A_person_can_see_everything_held_about_them_as_json_or_as_a_readable_page()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, Members);
        var call = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "calls", "cpam29-addictions.json"));
        using var _ = await client.PostAsync(new Uri("/api/calls", UriKind.Relative), new StringContent(call, Encoding.UTF8, "application/json"));
        var id = await PersonIdAsync(client, Email);

        var json = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/members/people/{id}/export", UriKind.Relative));
        using var html = await client.GetAsync(new Uri($"/api/members/people/{id}/export?format=html", UriKind.Relative));
        var page = await html.Content.ReadAsStringAsync();

        Assert.Equal(Email, json.GetProperty("person").GetProperty("email").GetString());
        Assert.Equal("MSP des Abers (fictive)", json.GetProperty("structures")[0].GetProperty("name").GetString());
        Assert.Equal(1, json.GetProperty("elsewhere").GetProperty("outbox").GetArrayLength());
        Assert.Equal(1, json.GetProperty("elsewhere").GetProperty("imports")[0].GetProperty("lines").GetInt32());
        Assert.Contains(json.GetProperty("changes").EnumerateArray(), c => c.GetProperty("action").GetString() == "created");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Données personnelles détenues sur Armelle Kerdonnec-Essai", page, StringComparison.Ordinal);
        Assert.Contains(Email, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_purge_lists_people_kept_too_long_in_a_dry_run_and_erases_them_only_when_asked()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, Members);
        var former = await PersonIdAsync(client, "brieuc.ancien@example.org");
        // Sterenn, a contact without a structure, was created "now" (23 November 2026): three years later she is due.
        _host.Clock.Advance(TimeSpan.FromDays((365 * 3) + 10));

        using var dry = await client.PostAsync(new Uri("/api/members/purge", UriKind.Relative), null);
        var report = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("people").GetArrayLength());
        Assert.Equal(0, report.GetProperty("erased").GetInt32());
        Assert.Contains(report.GetProperty("people").EnumerateArray(), p => p.GetProperty("personId").GetString() == former);
        Assert.DoesNotContain("@", report.ToString(), StringComparison.Ordinal);

        using var real = await client.PostAsync(new Uri("/api/members/purge?dryRun=false", UriKind.Relative), null);
        Assert.Equal(2, (await real.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt32());
        using var again = await client.PostAsync(new Uri("/api/members/purge?dryRun=false", UriKind.Relative), null);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt32());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people", UriKind.Relative))).GetArrayLength());
    }
}
