using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AvecSante.Api;
using AvecSante.IntegrationTests.Support;
using Xunit.Abstractions;

namespace AvecSante.IntegrationTests.Http;

/// <summary>
/// GET /api/openapi.json through the LocalHost: every catalogue route and method once and nothing else, in both
/// formats, and each passes an independent linter (Redocly CLI from npm, installed by ./test.sh).
/// </summary>
public sealed class ApiDescriptionTests(ITestOutputHelper output) : IDisposable
{
    private readonly LocalHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("?format=swagger2")]
    public async Task The_description_lists_every_catalogue_route_and_method_exactly_once_without_a_key(string query)
    {
        using var client = _host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/openapi.json" + query, UriKind.Relative)))!.AsObject();

        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Key: $"{op.Key.ToUpperInvariant()} {path.Key}", Id: op.Value!["operationId"]!.GetValue<string>())))
            .ToList();
        var catalogue = FunctionCatalog.Http
            .SelectMany(f => f.Methods.Select(m => (Key: $"{m} /{f.Route}", Id: f.Name)))
            .ToList();
        Assert.Equal(catalogue.OrderBy(c => c.Key, StringComparer.Ordinal), described.OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Equal(described.Count, described.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public async Task Keyed_operations_ask_for_the_function_key_and_errors_are_problem_json()
    {
        using var client = _host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)))!;

        Assert.Equal("http://localhost/api", document["servers"]![0]!["url"]!.GetValue<string>());
        var getCall = document["paths"]!["/calls/{id}"]!["get"]!;
        Assert.Null(getCall["security"]);
        Assert.NotNull(getCall["responses"]!["401"]!["content"]!["application/problem+json"]);
        Assert.Equal("id", getCall["parameters"]![0]!["name"]!.GetValue<string>());
        var health = document["paths"]!["/health"]!["get"]!;
        Assert.Empty(health["security"]!.AsArray());
        var upload = document["paths"]!["/documents"]!["post"]!;
        Assert.NotNull(upload["requestBody"]!["content"]!["multipart/form-data"]);
        Assert.NotNull(upload["responses"]!["413"]);
    }

    [Theory]
    [InlineData("", "openapi.json")]
    [InlineData("?format=swagger2", "swagger2.json")]
    public async Task Each_format_passes_the_Redocly_linter(string query, string fileName)
    {
        using var client = _host.CreateClient();
        var folder = Directory.CreateTempSubdirectory("avecsante-openapi").FullName;
        var file = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(file, await client.GetStringAsync(new Uri("/api/openapi.json" + query, UriKind.Relative)));
        try
        {
            var (exitCode, text) = await LintAsync(file);

            output.WriteLine(text);
            Assert.True(exitCode == 0, $"redocly lint exited {exitCode}:\n{text}");
            Assert.Contains("Woohoo! Your API description is valid.", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_format_is_a_problem_not_a_guess()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/openapi.json?format=yaml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(int ExitCode, string Output)> LintAsync(string file)
    {
        var cli = RepositoryFiles.Path("node_modules", ".bin", "redocly");
        Assert.True(File.Exists(cli), $"{cli} is missing: run npm ci (./test.sh does).");
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "lint", file, "--format", "stylish" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Offline: no telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
