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
public sealed class AzureSettingsTests
{
    private static Dictionary<string, string?> DeployedSettings() => DeployedAppSettings.Read();

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
