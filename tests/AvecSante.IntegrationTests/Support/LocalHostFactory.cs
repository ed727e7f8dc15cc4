using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.IntegrationTests.Support;

/// <summary>
/// The real LocalHost app (Program) in a TestServer, on Azurite with its own table prefix and its own outbox folder.
/// Every setting that matters is given here, so a developer's local.settings.json cannot leak into a test.
/// </summary>
public sealed class LocalHostFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    public string TablePrefix { get; } = Azurite.NewPrefix();

    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), "avecsante-tests", Guid.NewGuid().ToString("N"));

    public LocalHostFactory()
        : this(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero))
    {
    }

    /// <param name="now">Where the fake clock starts (it only moves forward).</param>
    public LocalHostFactory(DateTimeOffset now) => Clock = new FakeTimeProvider(now);

    public FakeTimeProvider Clock { get; }

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public string MailFolder => Path.Combine(OutboxPath, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Federation:Id"] = "bretagne",
            ["Email:FromAddress"] = "alertes@example.org",
            ["Email:LocalOutboxPath"] = OutboxPath,
            ["Email:SendGrid:ApiKey"] = string.Empty,
            ["FunctionKeys:default"] = AdminKey,
            ["Schedules:DispatchNotifications"] = string.Empty, // tests drive the dispatcher themselves
            ["Schedules:SweepTicketingInbox"] = string.Empty, // tests run the ticketing sweeper themselves
            ["Schedules:PurgeMemberData"] = string.Empty, // tests call the purge themselves
            ["Demo:PeopleFile"] = string.Empty,
            ["Calls:AllowLoopbackSources"] = "true", // sources are served by WireMock on 127.0.0.1
            ["WorkQueues"] = Azurite.ConnectionString,
            ["Queues:TicketingDeliveries"] = TablePrefix + "-ticketing",
            ["Queues:ReportCompiles"] = TablePrefix + "-reports",
            // Tests run the queue listener themselves (DrainQueuesAsync), failed messages visible again at once.
            ["AzureWebJobs.ProcessTicketingDelivery.Disabled"] = "true",
            ["AzureWebJobs.CompileQueuedAnnualReport.Disabled"] = "true",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (TestServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    /// <summary>Registrations that replace the app's own (a Graph client with a test credential, say).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Runs the host's queue listener until every queue is empty (retries and poisoning included).</summary>
    public Task<int> DrainQueuesAsync() =>
        Services.GetRequiredService<AvecSante.LocalHost.Hosting.FunctionQueues>().DrainAsync(CancellationToken.None);

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
    }
}
