using AvecSante.Api.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.UnitTests.Hosting;

/// <summary>A bad call source or a half-configured Graph tenant stops the host at start, naming the setting.</summary>
public sealed class CallsAndGraphSettingsTests
{
    private static readonly Dictionary<string, string?> Valid = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Federation:Id"] = "bretagne",
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Email:FromAddress"] = "alertes@example.org",
        ["Email:LocalOutboxPath"] = ".local/outbox",
        ["Alerts:LinkSigningKey"] = "a-local-signing-key-of-enough-length-0123456789",
        ["Alerts:PublicBaseUrl"] = "http://localhost:7071/",
        ["Calls:Sources:ars:Kind"] = "WebPage",
        ["Calls:Sources:ars:Url"] = "https://www.example.org/appels",
        ["Calls:Sources:mail:Kind"] = "Mailbox",
        ["Calls:Sources:mail:Mailbox"] = "veille@example.org",
    };

    private static Exception? StartWith(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Valid, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddAvecSante(configuration).BuildServiceProvider();
        return Record.Exception(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Valid_sources_and_no_Graph_tenant_start()
    {
        Assert.Null(StartWith());
    }

    [Fact]
    public void A_Graph_tenant_alone_starts_since_the_managed_identity_reads_it()
    {
        Assert.Null(StartWith(("Graph:TenantId", "00000000-0000-0000-0000-000000000001")));
    }

    [Fact]
    public void A_Graph_secret_without_a_tenant_stops_the_host_naming_it()
    {
        var failure = StartWith(("Graph:ClientId", "app"), ("Graph:ClientSecret", "a-secret"));

        Assert.Contains("Graph:TenantId", failure?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Calls:Sources:ars:Url", "ftp://www.example.org/appels", "Calls:Sources:ars:Url")]
    [InlineData("Calls:Sources:ars:Url", "/appels", "Calls:Sources:ars:Url")]
    [InlineData("Calls:Sources:ars:MaxItems", "0", "Calls:Sources:ars:MaxItems")]
    [InlineData("Calls:Sources:mail:Mailbox", "", "Calls:Sources:mail:Mailbox")]
    [InlineData("Calls:TimeoutSeconds", "0", "Calls:TimeoutSeconds")]
    public void A_bad_call_source_setting_stops_the_host_naming_it(string key, string value, string named)
    {
        var failure = StartWith((key, value));

        Assert.Contains(named, Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_aides_territoires_source_without_its_key_stops_the_host()
    {
        var failure = StartWith(
            ("Calls:Sources:at:Kind", "AidesTerritoires"),
            ("Calls:Sources:at:Url", "https://aides-territoires.beta.gouv.fr/"));

        Assert.Contains("Calls:Sources:at:ApiKey", failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_source_with_missing_fields_does_not_stop_the_host()
    {
        Assert.Null(StartWith(("Calls:Sources:at:Kind", "AidesTerritoires"), ("Calls:Sources:at:Enabled", "false")));
    }

    [Fact]
    public void An_unknown_source_kind_stops_the_host_naming_it()
    {
        var failure = StartWith(("Calls:Sources:ars:Kind", "Fax"));

        Assert.NotNull(failure);
        Assert.Contains("Calls:Sources:ars:Kind", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Graph_client_secret_without_client_id_stops_the_host_naming_it()
    {
        var failure = StartWith(("Graph:TenantId", "00000000-0000-0000-0000-000000000001"), ("Graph:ClientSecret", "a-secret"));

        Assert.Contains("Graph:ClientId", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }
}
