using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;
using Azure.Storage.Blobs;

namespace AvecSante.IntegrationTests.Members;

/// <summary>POST members/import and GET members/export through the LocalHost app, on Azurite.</summary>
public sealed class MemberImportTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] csv, bool dryRun = false)
    {
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(new Uri($"/api/members/import?dryRun={dryRun.ToString().ToLowerInvariant()}", UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static int Summary(JsonElement report, string name) => report.GetProperty("summary").GetProperty(name).GetInt32();

    [Fact]
    public async Task A_500_line_export_with_20_faulty_lines_gives_exactly_those_20_rejections_with_their_reasons()
    {
        using var client = _host.CreateAdminClient();

        var report = await ImportAsync(client, GeneratedMembersCsv.Build());

        var rejected = report.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("status").GetString() == "rejected")
            .ToDictionary(l => l.GetProperty("line").GetInt32() - 1, l => l.GetProperty("reason").GetString()!);
        Assert.Equal(GeneratedMembersCsv.Faulty.Keys.Order(), rejected.Keys.Order());
        foreach (var (line, reason) in GeneratedMembersCsv.Faulty)
        {
            Assert.StartsWith(reason, rejected[line], StringComparison.Ordinal);
        }
        Assert.Equal(500, Summary(report, "lines"));
        Assert.Equal(480, Summary(report, "accepted") + Summary(report, "updated"));
        Assert.Equal(["Remarque"], report.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(GeneratedMembersCsv.Windows1252Lines.Count, report.GetProperty("windows1252Lines").GetInt32());
        Assert.DoesNotContain(rejected.Values, r => r.Contains("@example.org", StringComparison.Ordinal)); // reasons name columns, not values
    }

    [Fact]
    public async Task Windows_1252_lines_are_accepted_and_their_accents_decoded()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, GeneratedMembersCsv.Build());

        foreach (var (line, firstName) in GeneratedMembersCsv.Windows1252Lines)
        {
            var people = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/members/people?name={Uri.EscapeDataString(firstName)}", UriKind.Relative));
            var person = people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == GeneratedMembersCsv.Email(line));
            Assert.Equal(firstName, person.GetProperty("firstName").GetString());
            Assert.Equal("infirmière", person.GetProperty("profession").GetString());
        }
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        using var client = _host.CreateAdminClient();
        var csv = GeneratedMembersCsv.Build();
        await ImportAsync(client, csv);
        var before = await MemberStorageScan.VersionsAsync(_host.TablePrefix);

        var again = await ImportAsync(client, csv);

        Assert.Equal(0, Summary(again, "accepted"));
        Assert.Equal(0, Summary(again, "updated"));
        Assert.Equal(480, Summary(again, "unchanged"));
        Assert.Equal(20, Summary(again, "rejected"));
        Assert.Equal(before, await MemberStorageScan.VersionsAsync(_host.TablePrefix)); // not one row rewritten
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_lines_but_stores_nothing_except_the_raw_file()
    {
        using var client = _host.CreateAdminClient();
        var csv = GeneratedMembersCsv.Build();

        var dry = await ImportAsync(client, csv, dryRun: true);

        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(20, Summary(dry, "rejected"));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures", UriKind.Relative))).GetArrayLength());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people", UriKind.Relative))).GetArrayLength());

        // The raw bytes were archived first, under their SHA-256.
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv));
        Assert.Equal(sha256, dry.GetProperty("sha256").GetString());
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient((_host.TablePrefix + "member-imports").ToLowerInvariant());
        var archived = (await container.GetBlobClient(dry.GetProperty("archive").GetString()).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(csv, archived);
    }

    [Fact]
    public async Task Imported_structures_get_their_status_and_can_be_searched()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, GeneratedMembersCsv.Build());

        var all = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures", UriKind.Relative));
        var finistereMsp = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?department=29&kind=msp&status=current", UriKind.Relative));
        var byName = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?name=FICTIVE%20N%C2%B042", UriKind.Relative));
        var byCommune = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/structures?commune=ploermel", UriKind.Relative));

        Assert.Equal(100, all.GetArrayLength());
        Assert.All(finistereMsp.EnumerateArray(), s =>
        {
            Assert.Equal("29", s.GetProperty("department").GetString());
            Assert.Equal("à jour", s.GetProperty("statusLabel").GetString()); // paid 2026, joined 2024 (clock: November 2026)
        });
        Assert.NotEqual(0, finistereMsp.GetArrayLength());
        Assert.Equal("Structure fictive n°42", byName[0].GetProperty("name").GetString());
        Assert.All(byCommune.EnumerateArray(), s => Assert.Equal("Ploërmel", s.GetProperty("commune").GetString()));
        Assert.Equal(90.5m, all.EnumerateArray().First(s => s.GetProperty("name").GetString() == "Structure fictive n°1").GetProperty("cotisations")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_csv_export_imports_back_without_any_change_and_the_xlsx_export_is_a_workbook()
    {
        using var client = _host.CreateAdminClient();
        await ImportAsync(client, GeneratedMembersCsv.Build());

        using var csv = await client.GetAsync(new Uri("/api/members/export?format=csv&year=2026", UriKind.Relative));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var again = await ImportAsync(client, bytes);
        using var xlsx = await client.GetAsync(new Uri("/api/members/export?format=xlsx", UriKind.Relative));
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Prénom;Nom;E-mail;", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Structure fictive n°1;MSP;22;Lannion;", text, StringComparison.Ordinal);
        Assert.Equal(0, Summary(again, "accepted") + Summary(again, "updated") + Summary(again, "rejected"));
        Assert.Equal(480, Summary(again, "unchanged"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Control_characters_in_a_cell_are_dropped_on_import_so_the_xlsx_export_still_works()
    {
        using var client = _host.CreateAdminClient();
        var csv = GeneratedMembersCsv.Header + "\r\n"
            + "Ali\u0001ne;Exem\u000Bple;aline.controle@example.org;;;Coordinatrice;;MSP de Contr\u0002ole;MSP;29;Brest;;;;;;;;;;;\r\n";

        var report = await ImportAsync(client, Encoding.UTF8.GetBytes(csv));
        using var xlsx = await client.GetAsync(new Uri("/api/members/export?format=xlsx", UriKind.Relative));
        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/members/people?name=Aline", UriKind.Relative));

        Assert.Equal(1, Summary(report, "accepted"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var person = people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == "aline.controle@example.org");
        Assert.Equal("Aline", person.GetProperty("firstName").GetString());
        Assert.Equal("Exemple", person.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task A_new_person_without_a_name_is_a_rejected_line_not_an_error()
    {
        using var client = _host.CreateAdminClient();
        var csv = GeneratedMembersCsv.Header + "\r\n" + " ;\u0001;sans.nom@example.org;;;Coordinatrice;;;;;;;;;;;;;;;;\r\n";

        var report = await ImportAsync(client, Encoding.UTF8.GetBytes(csv));

        var line = Assert.Single(report.GetProperty("lines").EnumerateArray());
        Assert.Equal("rejected", line.GetProperty("status").GetString());
        Assert.Contains("« Prénom » et « Nom »", line.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_sample_file_imports_with_its_two_deliberate_rejections()
    {
        using var client = _host.CreateAdminClient();

        var report = await ImportAsync(client, await File.ReadAllBytesAsync(RepositoryFiles.Path("samples", "members", "adherents.csv")));

        var rejected = report.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("status").GetString() == "rejected").ToList();
        Assert.Equal(11, Summary(report, "lines"));
        Assert.Equal(2, rejected.Count);
        Assert.StartsWith("Adresse e-mail invalide", rejected[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Département inconnu", rejected[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_semicolon_csv_gets_a_French_problem()
    {
        using var client = _host.CreateAdminClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("Prénom,Nom,E-mail\nA,B,a@example.org\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        using var comma = await client.PostAsync(new Uri("/api/members/import", UriKind.Relative), content);
        using var wrongType = await client.PostAsync(new Uri("/api/members/import", UriKind.Relative), json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, comma.StatusCode);
        Assert.Contains("points-virgules", (await comma.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }
}
