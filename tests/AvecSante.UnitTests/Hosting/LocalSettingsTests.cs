using AvecSante.Api;
using AvecSante.LocalHost.Hosting;
using AvecSante.Tests.Shared;

namespace AvecSante.UnitTests.Hosting;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Values_are_read_with_comments_and_double_underscores_become_section_separators()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              // a comment, as in the sample
              "IsEncrypted": false,
              "Values": { "Email:FromAddress": "a@example.org", "Storage__TablePrefix": "demo", "Retries": 3 }
            }
            """);

        var values = LocalSettings.ReadValues(path);

        Assert.Equal("a@example.org", values["Email:FromAddress"]);
        Assert.Equal("demo", values["Storage:TablePrefix"]);
        Assert.Equal("3", values["Retries"]);
        File.Delete(path);
    }

    [Fact]
    public void The_sample_settings_give_every_timer_a_valid_schedule()
    {
        var values = LocalSettings.ReadValues(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"));

        foreach (var timer in FunctionCatalog.Timers)
        {
            Assert.True(values.ContainsKey(timer.ScheduleSetting), $"{timer.ScheduleSetting} is missing from local.settings.sample.json");
            FunctionSchedules.Parse(timer, values[timer.ScheduleSetting]!);
        }
    }

    [Fact]
    public void The_Azure_deployment_gives_every_timer_the_sample_schedule()
    {
        // A TimerTrigger whose %setting% is missing from the app settings is not indexed by the Functions host.
        var sample = LocalSettings.ReadValues(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"));
        var deployed = new Dictionary<string, string?>(DeployedAppSettings.Read(), StringComparer.Ordinal);

        foreach (var timer in FunctionCatalog.Timers)
        {
            Assert.True(deployed.ContainsKey(timer.ScheduleSetting), $"{timer.ScheduleSetting} is missing from infra/main.bicep");
            Assert.Equal(sample[timer.ScheduleSetting], deployed[timer.ScheduleSetting]);
        }
    }

    [Fact]
    public void A_bad_schedule_is_refused_naming_its_setting()
    {
        var timer = FunctionCatalog.Timers[0];

        var error = Assert.Throws<InvalidOperationException>(() => FunctionSchedules.Parse(timer, "every minute"));

        Assert.Contains(timer.ScheduleSetting, error.Message, StringComparison.Ordinal);
    }
}
