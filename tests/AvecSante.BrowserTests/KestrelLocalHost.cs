using AvecSante.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.BrowserTests;

/// <summary>The real LocalHost app on a real Kestrel port of 127.0.0.1 (a browser cannot reach a TestServer), on Azurite.</summary>
public sealed class KestrelLocalHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "browser-admin-key";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));

    public string OutboxPath { get; } = Path.Combine(Path.GetTempPath(), "avecsante-browser", Guid.NewGuid().ToString("N"));

    private readonly Action<IWebHostBuilder>? _configure;
    private readonly Lazy<Uri> _baseAddress;

    /// <param name="configure">More set-up for one test class (settings, services, extra endpoints), applied last.</param>
    public KestrelLocalHost(Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        _baseAddress = new Lazy<Uri>(Start, LazyThreadSafetyMode.ExecutionAndPublication);
        // The port comes from the "urls" setting below (port 0): UseKestrel(port) rewrites the addresses after the app
        // has started binding, a race that fails now and then.
        UseKestrel();
    }

    /// <summary>Starts the server once, whichever test thread asks first (a second start would throw).</summary>
    public Uri BaseAddress => _baseAddress.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var prefix = Azurite.NewPrefix();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["WorkQueues"] = Azurite.ConnectionString,
            ["Queues:TicketingDeliveries"] = prefix + "-ticketing",
            ["Queues:ReportCompiles"] = prefix + "-reports",
            ["Federation:Id"] = "bretagne",
            ["Email:FromAddress"] = "alertes@example.org",
            ["Email:LocalOutboxPath"] = OutboxPath,
            ["Email:SendGrid:ApiKey"] = string.Empty,
            ["Alerts:LinkSigningKey"] = "browser-test-link-signing-key-0123456789",
            ["FunctionKeys:default"] = AdminKey,
            ["Demo:PeopleFile"] = string.Empty,
        };
        // Timers off: the test drives what is sent.
        foreach (var timer in AvecSante.Api.FunctionCatalog.Timers)
        {
            settings[timer.ScheduleSetting] = string.Empty;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        _configure?.Invoke(builder);
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
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
