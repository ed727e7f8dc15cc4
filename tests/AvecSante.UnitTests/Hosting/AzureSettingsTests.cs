using System.Text.RegularExpressions;
using AvecSante.Api.Composition;
using AvecSante.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.UnitTests.Hosting;

/// <summary>
/// The app settings infra/main.bicep gives the Functions app, run through the same start-up checks as the hosts: a
/// deployment that would stop at start (a setting required by another, a local default left) fails here first.
/// </summary>
public sealed partial class AzureSettingsTests
{
    // What the deployer passes as parameters, and what Key Vault references resolve to, for this check.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["federationId"] = "bretagne",
        ["emailFromAddress"] = "alertes@example.org",
        ["publicBaseUrl"] = "https://avecsante.example.org/",
        ["sendGridBaseUrl"] = "https://api.eu.sendgrid.com",
    };

    private const string VaultSecret = "secret-from-key-vault-0123456789-abcdefghij";

    [GeneratedRegex(@"\{ name: '(?<name>\w+)', value: (?<value>'[^']*'|[\w.]+) \}")]
    private static partial Regex AppSetting();

    [GeneratedRegex(@"\$\{(?<parameter>\w+)\}")]
    private static partial Regex Interpolation();

    private static Dictionary<string, string?> DeployedSettings()
    {
        var bicep = File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep"));
        var appSettings = bicep[bicep.IndexOf("appSettings: [", StringComparison.Ordinal)..];
        return AppSetting().Matches(appSettings).ToDictionary(
            m => m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal),
            m => (string?)Resolve(m.Groups["value"].Value.Trim()),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A Bicep value: a literal, an interpolated literal, a parameter, a Key Vault reference or a resource property.</summary>
    private static string Resolve(string expression)
    {
        if (expression.StartsWith("'@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return VaultSecret;
        }
        if (expression.StartsWith('\''))
        {
            return Interpolation().Replace(expression.Trim('\''), m => Parameters[m.Groups["parameter"].Value]);
        }
        if (Parameters.TryGetValue(expression, out var parameter))
        {
            return parameter;
        }
        // storage.properties.primaryEndpoints.table, insights.properties.ConnectionString, storage.name…
        return expression.Contains("primaryEndpoints", StringComparison.Ordinal) ? "https://stexample.core.windows.net/" : "resource-value";
    }

    [Fact]
    public void The_settings_of_the_Azure_deployment_pass_the_start_up_checks()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DeployedSettings()).Build();
        using var services = new ServiceCollection().AddLogging().AddAvecSante(configuration).BuildServiceProvider();

        var failure = Record.Exception(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Null(failure);
    }

    [Fact]
    public void Without_the_link_signing_key_the_deployment_would_stop_at_start_naming_it()
    {
        var settings = DeployedSettings();
        Assert.True(settings.Remove("Alerts:LinkSigningKey"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddAvecSante(configuration).BuildServiceProvider();

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Alerts:LinkSigningKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_in_deployed_emails_point_to_the_public_address_not_to_localhost()
    {
        var settings = DeployedSettings();

        Assert.Equal("https://avecsante.example.org/", settings["Alerts:PublicBaseUrl"]);
        Assert.Equal("https://avecsante.example.org/api/", settings["Reports:LinkBaseUrl"]);
    }
}
