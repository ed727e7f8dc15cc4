using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Api.Documents;
using AvecSante.Api.Jobs;
using AvecSante.Infrastructure.Documents;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Documents;

/// <summary>The capitalisation library through the real LocalHost app, on Azurite.</summary>
public sealed class DocumentsApiTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_uploaded_sheet_downloads_byte_for_byte_with_its_type_and_a_safe_attachment_name()
    {
        using var client = _host.CreateAdminClient();
        var bytes = Uploads.Sample(Uploads.SamplePdf);
        using var form = Uploads.Form(bytes, "dossier/Fiche été; v2.pdf", Uploads.SampleMetadata(Uploads.SamplePdf), contentType: "application/octet-stream");

        using var created = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = document.GetProperty("id").GetString();
        Assert.Equal($"/api/documents/{id}", created.Headers.Location?.ToString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document.GetProperty("sha256").GetString());

        using var download = await client.GetAsync(Url($"/api/documents/{id}/content"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Fiche été_ v2.pdf", disposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_with_415()
    {
        using var client = _host.CreateAdminClient();
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0];
        using var form = Uploads.Form(elf, "fiche.pdf", Uploads.Metadata());

        using var response = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await Uploads.ProblemAsync(response);
        Assert.Equal("Ce type de fichier n'est pas accepté.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_file_of_26_MB_is_refused_with_413()
    {
        using var client = _host.CreateAdminClient();
        using var form = Uploads.Form(Uploads.PdfOfSize(26L * 1024 * 1024), "gros.pdf", Uploads.Metadata());

        using var response = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Uploads.ProblemAsync(response);
        Assert.Equal("Le fichier est trop volumineux.", problem.GetProperty("title").GetString());
        Assert.Contains("25 Mo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_just_under_the_limit_is_accepted()
    {
        using var client = _host.CreateAdminClient();

        var document = await Uploads.PostAsync(client, Uploads.PdfOfSize((25L * 1024 * 1024) - 1), "limite.pdf", Uploads.Metadata());

        Assert.Equal((25L * 1024 * 1024) - 1, document.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Metadata_without_a_title_gets_a_422_naming_the_title()
    {
        using var client = _host.CreateAdminClient();
        var metadata = Uploads.Metadata().Replace("\"title\":", "\"titre\":", StringComparison.Ordinal);
        using var form = Uploads.Form(Uploads.UniquePdf("sans titre"), "fiche.pdf", metadata);

        using var response = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await Uploads.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal("Le titre est obligatoire.", errors.GetProperty("title")[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task An_upload_without_its_metadata_part_gets_a_400_naming_it()
    {
        using var client = _host.CreateAdminClient();
        using var form = Uploads.Form(Uploads.UniquePdf("seul"), "fiche.pdf", metadata: null);

        using var response = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Uploads.ProblemAsync(response)).GetProperty("errors").TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_get_a_409_naming_the_document_that_holds_them()
    {
        using var client = _host.CreateAdminClient();
        var bytes = Uploads.UniquePdf("doublon");
        var first = await Uploads.PostAsync(client, bytes, "a.pdf", Uploads.Metadata("Premier dépôt"));
        using var form = Uploads.Form(bytes, "b.pdf", Uploads.Metadata("Second dépôt, autre titre"));

        using var again = await client.PostAsync(Url("/api/documents"), form);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await Uploads.ProblemAsync(again);
        Assert.Equal(first.GetProperty("id").GetString(), problem.GetProperty("existingId").GetString());
        Assert.Contains("Premier dépôt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_the_earlier_one_stays_downloadable()
    {
        using var client = _host.CreateAdminClient();
        var v1 = Uploads.UniquePdf("v1");
        var v2 = Uploads.Sample(Uploads.SampleDocx);
        var id = (await Uploads.PostAsync(client, v1, "fiche.pdf", Uploads.Metadata())).GetProperty("id").GetString();
        using var form = Uploads.Form(v2, "fiche-v2.docx", metadata: null, contentType: "application/octet-stream");

        using var replaced = await client.PostAsync(Url($"/api/documents/{id}/versions"), form);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var document = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, document.GetProperty("currentVersion").GetInt32());
        Assert.Equal(2, document.GetProperty("versions").GetArrayLength());
        Assert.Equal(v2, await client.GetByteArrayAsync(Url($"/api/documents/{id}/content")));
        Assert.Equal(v1, await client.GetByteArrayAsync(Url($"/api/documents/{id}/content?version=1")));
        using var docx = await client.GetAsync(Url($"/api/documents/{id}/content"));
        Assert.Equal("fiche-v2.docx", docx.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Listing_filters_by_theme_year_department_structure_and_accent_free_words()
    {
        using var client = _host.CreateAdminClient();
        await Uploads.PostAsync(client, Uploads.Sample(Uploads.SamplePdf), "a.pdf", Uploads.SampleMetadata(Uploads.SamplePdf));
        await Uploads.PostAsync(client, Uploads.Sample(Uploads.SampleDocx), "b.docx", Uploads.SampleMetadata(Uploads.SampleDocx));
        await Uploads.PostAsync(client, Uploads.UniquePdf("marche"), "c.pdf", Uploads.Metadata("Marche santé", "nutrition-activite-physique", 2024, "22", "ESP de l'Essai"));

        async Task<string[]> Titles(string query) =>
            (await client.GetFromJsonAsync<JsonElement>(Url("/api/documents" + query))).EnumerateArray().Select(d => d.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(2, (await Titles("?theme=addictions")).Length);
        Assert.Equal(["Marche santé"], await Titles("?year=2024"));
        Assert.Equal(["Marche santé"], await Titles("?department=22"));
        Assert.Single(await Titles("?structure=msp%20des%20trois%20rivieres"));
        Assert.Single(await Titles("?theme=addictions&q=SEANCES%20fin%20de%20journee"));
        Assert.Equal(3, (await Titles(string.Empty)).Length);
        using var bad = await client.GetAsync(Url("/api/documents?theme=astrologie"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_deleted_document_is_restorable_within_30_days_and_gone_after_the_purge()
    {
        using var client = _host.CreateAdminClient();
        var bytes = Uploads.UniquePdf("corbeille");
        var id = (await Uploads.PostAsync(client, bytes, "fiche.pdf", Uploads.Metadata("À jeter puis à garder"))).GetProperty("id").GetString();
        var purge = _host.Services.GetRequiredService<PurgeDeletedDocumentsJob>();

        using (var deleted = await client.DeleteAsync(Url($"/api/documents/{id}")))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(Url("/api/documents?theme=addictions"))).EnumerateArray());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>(Url("/api/documents?deleted=true"))).EnumerateArray());
        using (var hidden = await client.GetAsync(Url($"/api/documents/{id}/content")))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        _host.Clock.Advance(TimeSpan.FromDays(29));
        await purge.RunAsync(CancellationToken.None);
        using (var restored = await client.PostAsync(Url($"/api/documents/{id}/restore"), null))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
        Assert.Single((await client.GetFromJsonAsync<JsonElement>(Url("/api/documents?theme=addictions"))).EnumerateArray());
        Assert.Equal(bytes, await client.GetByteArrayAsync(Url($"/api/documents/{id}/content")));

        using (var deletedAgain = await client.DeleteAsync(Url($"/api/documents/{id}")))
        {
            Assert.Equal(HttpStatusCode.OK, deletedAgain.StatusCode);
        }
        _host.Clock.Advance(TimeSpan.FromDays(30));
        using (var tooLate = await client.PostAsync(Url($"/api/documents/{id}/restore"), null))
        {
            Assert.Equal(HttpStatusCode.Gone, tooLate.StatusCode);
        }
        await purge.RunAsync(CancellationToken.None);

        using var gone = await client.GetAsync(Url($"/api/documents/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(Url("/api/documents?deleted=true"))).EnumerateArray());
        var container = await _host.Services.GetRequiredService<BlobStore>().GetContainerAsync(BlobDocumentContentStore.ContainerName, CancellationToken.None);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"bretagne/{id}/" }))
        {
            Assert.Fail($"{blob.Name} outlived the purge.");
        }
        // The claim on the bytes is released too, so the same file can be deposited again as a new document.
        await Uploads.PostAsync(client, bytes, "fiche.pdf", Uploads.Metadata("Déposé à nouveau"));
    }
}
