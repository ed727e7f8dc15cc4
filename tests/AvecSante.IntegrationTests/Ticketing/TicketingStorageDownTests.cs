using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Ticketing;

public sealed class TicketingStorageDownTests
{
    [Fact]
    public async Task A_notification_that_cannot_be_stored_gets_503_so_the_sender_retries()
    {
        using var host = new LocalHostFactory();
        host.Settings["Ticketing:HelloAsso:UrlSecret"] = "test-url-secret-0123456789";
        // Loopback ports where nothing listens stand for storage being down.
        host.Settings["Storage:ConnectionString"] = Azurite.UnreachableConnectionString;
        using var client = host.CreateClient();
        using var body = new StringContent(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "helloasso", "form-official-sample.json")), System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/ticketing/helloasso?secret=test-url-secret-0123456789", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("indisponible", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
