using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Documents;

/// <summary>Builds the multipart uploads the API expects: a "file" part and a "metadata" JSON part.</summary>
internal static class Uploads
{
    public const string SamplePdf = "trois-rivieres-souffle-libre.pdf";
    public const string SampleDocx = "broceliande-reperage-alcool.docx";

    public static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.Path("samples", "documents", name));

    public static string SampleMetadata(string name) => File.ReadAllText(RepositoryFiles.Path("samples", "documents", name + ".json"));

    public static string Metadata(string title = "Fiche de test", string theme = "addictions", int year = 2025, string department = "29", string structure = "MSP des Essais") =>
        JsonSerializer.Serialize(new { title, kind = "fiche-capitalisation", structure, themes = new[] { theme }, year, department, summary = "Résumé inventé." });

    public static MultipartFormDataContent Form(byte[] file, string fileName, string? metadata, string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(filePart, "file", fileName);
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata, Encoding.UTF8, "application/json"), "metadata");
        }
        return form;
    }

    /// <summary>A PDF header followed by zeros: accepted by type, so only the size decides.</summary>
    public static byte[] PdfOfSize(long size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Any PDF with distinct bytes (the library refuses the same bytes twice).</summary>
    public static byte[] UniquePdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text} {Guid.NewGuid():N}\n%%EOF\n");

    public static async Task<JsonElement> PostAsync(HttpClient client, byte[] file, string fileName, string metadata)
    {
        using var form = Form(file, fileName, metadata);
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
