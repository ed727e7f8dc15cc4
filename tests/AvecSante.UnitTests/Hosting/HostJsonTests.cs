using AvecSante.Infrastructure.Storage;
using AvecSante.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace AvecSante.UnitTests.Hosting;

/// <summary>host.json as both hosts read it: the repository's file, each value overridable by its app setting.</summary>
public sealed class HostJsonTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Values_come_from_the_first_host_json_above_the_folder_and_an_app_setting_overrides_them()
    {
        var below = RepositoryRoot.Combine("src", "AvecSante.Functions");

        var file = new HostJson(Settings(), below);
        var overridden = new HostJson(Settings(("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"), ("AzureFunctionsJobHost:functionTimeout", "00:00:01")), below);

        Assert.Equal("00:00:30", file.Value("extensions.queues.visibilityTimeout"));
        Assert.Equal("00:10:00", file.Value("functionTimeout"));
        Assert.Equal(5, file.MaxDequeueCount);
        Assert.Equal(2, overridden.MaxDequeueCount);
        Assert.Equal("00:00:01", overridden.Value("functionTimeout"));
        Assert.Null(file.Value("extensions.queues.noSuchSetting"));
    }

    [Fact]
    public void Without_a_host_json_the_maximum_dequeue_count_is_the_hosts_default()
    {
        var empty = Directory.CreateTempSubdirectory("avecsante-hostjson-");
        try
        {
            var host = new HostJson(Settings(), empty.FullName);

            Assert.Null(host.Value("extensions.queues.visibilityTimeout"));
            Assert.Equal(HostJson.DefaultMaxDequeueCount, host.MaxDequeueCount);
        }
        finally
        {
            empty.Delete();
        }
    }
}
