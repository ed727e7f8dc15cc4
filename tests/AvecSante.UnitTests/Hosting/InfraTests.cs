using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using AvecSante.Tests.Shared;

namespace AvecSante.UnitTests.Hosting;

/// <summary>
/// infra/main.bicep built by the real Bicep CLI (the NuGet package Azure.Bicep.CommandLine.linux-x64): it compiles to
/// an ARM template with no error and no warning (its linter included), and holds what `azd up` relies on.
/// </summary>
public sealed class InfraTests
{
    [Fact]
    public async Task The_Bicep_builds_with_no_error_and_no_warning()
    {
        var (exitCode, stdout, stderr) = await BuildAsync("infra/main.bicep");

        Assert.True(exitCode == 0 && stderr.Trim().Length == 0, $"bicep build exited {exitCode}:\n{stderr}");
        using var template = JsonDocument.Parse(stdout);
        var app = template.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        // azd deploys azure.yaml's service "api" to the resource carrying this tag.
        Assert.Equal("api", app.GetProperty("tags").GetProperty("azd-service-name").GetString());
        Assert.Contains("name: avecsante-functions", await File.ReadAllTextAsync(RepositoryRoot.Combine("azure.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_of_the_Bicep_linter_is_seen()
    {
        // Proves the check above can fail: an unused parameter is a linter warning.
        var broken = Path.Combine(Path.GetTempPath(), $"avecsante-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(broken, "param unused string\noutput two int = 2\n");
        try
        {
            var (exitCode, _, stderr) = await BuildAsync(broken);

            Assert.Equal(0, exitCode);
            Assert.Contains("no-unused-params", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> BuildAsync(string file)
    {
        var cli = typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        Assert.True(File.Exists(cli), $"{cli} is missing: the test project's restore downloads it (PackageDownload).");
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "build", file, "--stdout" },
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Offline and quiet: no telemetry, no version check.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
