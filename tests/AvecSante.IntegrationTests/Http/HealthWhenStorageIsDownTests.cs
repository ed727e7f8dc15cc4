using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;

namespace AvecSante.IntegrationTests.Http;

public sealed class HealthWhenStorageIsDownTests
{
    [Fact]
    public async Task Health_answers_503_when_storage_does_not_answer()
    {
        using var host = new LocalHostFactory();
        // A loopback port where nothing listens stands for storage being down.
        host.Settings["Storage:ConnectionString"] = Azurite.UnreachableConnectionString;
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unreachable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storage").GetString());
    }

    [Fact]
    public async Task The_host_refuses_to_start_naming_a_missing_setting()
    {
        using var host = new LocalHostFactory();
        host.Settings["Email:FromAddress"] = string.Empty;

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Email:FromAddress", error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
