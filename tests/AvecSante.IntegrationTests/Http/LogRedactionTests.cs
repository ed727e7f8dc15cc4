using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using AvecSante.Api.Samples;
using AvecSante.Core.Alerts;
using AvecSante.IntegrationTests.Support;
using AvecSante.IntegrationTests.Ticketing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvecSante.IntegrationTests.Http;

/// <summary>
/// The local host's log during a demo-like run (keys in the query string as the README shows, the HelloAsso URL secret,
/// signed preference links, addresses in queries) holds no key, secret, token or email address.
/// </summary>
public sealed partial class LogRedactionTests : IAsyncLifetime, IDisposable
{
    private const string LinkSigningKey = "log-test-link-signing-key-0123456789";
    private readonly LocalHostFactory _host = new();
    private readonly LogCapture _capture = new();

    public LogRedactionTests()
    {
        _host.SetTicketingSecrets();
        _host.Settings["Alerts:LinkSigningKey"] = LinkSigningKey;
        _host.Settings["Alerts:PublicBaseUrl"] = "https://alertes.example.org/";
        _host.TestServices = services => services.AddSingleton<ILoggerProvider>(_capture);
    }

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        await _host.Services.GetRequiredService<SamplePeopleSeeder>().SeedAsync(RepositoryFiles.Path("samples", "people.json"), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex EmailAddress();

    [Fact]
    public async Task A_demo_like_run_logs_no_key_secret_token_or_email_address()
    {
        var key = "?code=" + LocalHostFactory.AdminKey;
        using var client = _host.CreateClient();
        using var call = await client.PostAsJsonAsync(new Uri("/api/calls" + key, UriKind.Relative), new
        {
            title = "Appel fictif prévention tabac",
            funder = "ARS Bretagne",
            url = "https://www.example.org/ars/appels/tabac",
            deadline = "2026-12-14T12:00",
            themes = new[] { "addictions" },
            departments = new[] { "29", "35", "22", "56" },
        });
        Assert.True(call.IsSuccessStatusCode, await call.Content.ReadAsStringAsync());
        using var dispatched = await client.PostAsync(new Uri("/api/notifications/dispatch" + key, UriKind.Relative), null);
        using var search = await client.GetAsync(new Uri("/api/members/people" + key + "&name=maelle.legall%40example.org", UriKind.Relative));
        using var export = await client.GetAsync(new Uri("/api/members/people/p-0001/export" + key, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var links = _host.Services.GetRequiredService<SignedLinks>();
        var preferences = links.CreateToken("p-0001", LinkPurpose.Preferences);
        var unsubscribe = links.CreateToken("p-0001", LinkPurpose.Unsubscribe);
        using var page = await client.GetAsync(new Uri("/api/preferences/" + preferences, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var unsubscribed = await client.PostAsync(new Uri("/api/unsubscribe/" + unsubscribe, UriKind.Relative), null);

        await _host.CreateEventAsync(null, ["journee-regionale-2027"]);
        using var order = await _host.PostHelloAssoAsync(File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json")));
        Assert.Equal(HttpStatusCode.Accepted, order.StatusCode); // and processed from the queue: its logs are checked too

        var log = _capture.Text();
        Assert.Contains("/api/calls", log, StringComparison.Ordinal); // the requests are logged, redacted
        foreach (var secret in new[] { LocalHostFactory.AdminKey, TicketingRequests.UrlSecret, TicketingRequests.SigningKey, LinkSigningKey, preferences, unsubscribe, preferences.Split('.')[0] })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
        Assert.Empty(EmailAddress().Matches(log).Select(m => m.Value));
    }

    /// <summary>Every log line of every category at Information and above, formatted, with its exception.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text() => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder().Append(category).Append(": ").Append(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (name, value) in values)
                    {
                        line.Append(" | ").Append(name).Append('=').Append(value);
                    }
                }
                lines.Enqueue(line.Append(exception).ToString());
            }
        }
    }
}
