using System.Diagnostics;
using System.Globalization;
using AvecSante.Api.Composition;
using AvecSante.Api.Console;
using AvecSante.Api.Web;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Members;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Benchmarks;

/// <summary>
/// The staff console at national scale: the report benchmark's ten years (2,500 structures, 100,000 tickets in 250
/// events, 20,000 calls) plus 10,000 people, this month's sends (failed, pending, retrying) and a dozen sources, seeded in
/// Azurite; then each console page served by its real handler from the composition root both hosts use (staff session
/// checked, Razor page rendered into a buffer). Prints p50/p95/max per page and the first request apart.
/// </summary>
/// <remarks>Options: <c>--requests R</c> (100), <c>--storage "connection string"</c> (Azurite on 10000 by default),
/// <c>--prefix P</c> (measure the tables of an earlier run again, without seeding).</remarks>
internal static class ConsoleBenchmark
{
    private const string StaffId = "staff-bench";

    public static int Run(string[] args)
    {
        var requests = 100;
        string? prefix = null;
        var storage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--storage": storage = args[++i]; break;
                case "--prefix": prefix = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        return RunAsync(requests, storage, prefix).GetAwaiter().GetResult();
    }

    /// <summary>The one invented staff member the benchmark signs in as (a tool, not a host: no host offers this).</summary>
    private sealed class BenchmarkStaff : IDevelopmentStaffSignIn
    {
        public IReadOnlyList<StaffMember> SampleStaff { get; } = [new(StaffId, "Banc d'essai", "banc.essai@example.org")];
    }

    private static async Task<int> RunAsync(int requests, string storage, string? prefix)
    {
        var seed = prefix is null;
        prefix ??= "cons" + Guid.NewGuid().ToString("N")[..8];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:TablePrefix"] = prefix,
            ["Federation:Id"] = "bench",
            ["Email:FromAddress"] = "alertes@example.org",
            ["Email:LocalOutboxPath"] = Path.Combine(Path.GetTempPath(), "avecsante-console-bench"),
            ["Alerts:LinkSigningKey"] = "benchmark-link-signing-key-0123456789",
        });
        builder.Services.AddAvecSante(builder.Configuration);
        builder.Services.AddSingleton<IDevelopmentStaffSignIn, BenchmarkStaff>();
        await using var app = builder.Build();
        var provider = app.Services;

        if (seed)
        {
            var seeding = Stopwatch.StartNew();
            var federation = provider.GetRequiredService<IOptions<FederationOptions>>();
            await ReportBenchmark.SeedAsync(provider.GetRequiredService<TableStore>(), federation, TimeProvider.System, (2_500, 100_000, 20_000, 1_200));
            await SeedPeopleAsync(provider.GetRequiredService<IPeopleRegister>(), 10_000);
            await SeedSendsAndSourcesAsync(provider.GetRequiredService<IOutboxStore>(), provider.GetRequiredService<ISourceRunStore>());
            Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:F1} s (--prefix {prefix} measures these tables again)");
        }
        var cookie = StaffCookie(provider);
        var latestEvent = (await provider.GetRequiredService<IEventRepository>().ListAsync(CancellationToken.None)).MaxBy(e => e.StartsAt)!;

        var today = provider.GetRequiredService<ConsoleTodayHandler>();
        var calls = provider.GetRequiredService<ConsoleCallsHandlers>();
        var report = provider.GetRequiredService<ConsoleReportHandlers>();
        var sources = provider.GetRequiredService<ConsoleSourcesHandlers>();
        var sends = provider.GetRequiredService<ConsoleSendsHandlers>();
        var events = provider.GetRequiredService<ConsoleEventsHandlers>();
        var none = CancellationToken.None;
        await PageTimings.MeasureAsync("Aujourd'hui", requests, provider, "console.example.org", cookie, "/api/console", "", r => today.ShowAsync(r, none));
        await PageTimings.MeasureAsync("Appels (no filter)", requests, provider, "console.example.org", cookie, "/api/console/appels", "", r => calls.ListAsync(r, none));
        await PageTimings.MeasureAsync("Appels (no filter, page 200)", requests, provider, "console.example.org", cookie, "/api/console/appels", "?page=200", r => calls.ListAsync(r, none));
        await PageTimings.MeasureAsync("Appels (open, 30 days, 35)", requests, provider, "console.example.org", cookie, "/api/console/appels", "?statut=open&jours=30&departement=35", r => calls.ListAsync(r, none));
        await PageTimings.MeasureAsync("a call's page", requests, provider, "console.example.org", cookie, "/api/console/appels/c-000123", "", r => calls.ShowAsync(r, "c-000123", none));
        await PageTimings.MeasureAsync("Rapport d'activité", requests, provider, "console.example.org", cookie, "/api/console/rapport", "", r => report.ListAsync(r, none));
        await PageTimings.MeasureAsync("Sources", requests, provider, "console.example.org", cookie, "/api/console/sources", "", r => sources.ListAsync(r, none));
        await PageTimings.MeasureAsync("Envois", requests, provider, "console.example.org", cookie, "/api/console/envois", "", r => sends.ListAsync(r, none));
        await PageTimings.MeasureAsync("Événements", requests, provider, "console.example.org", cookie, "/api/console/evenements", "", r => events.ListAsync(r, none));
        await PageTimings.MeasureAsync("an event (400 tickets)", requests, provider, "console.example.org", cookie, "/api/console/evenements/" + latestEvent.Id, "", r => events.ShowAsync(r, latestEvent.Id, none));
        return 0;
    }

    private static async Task SeedPeopleAsync(IPeopleRegister people, int count)
    {
        string[] departments = ["22", "29", "35", "56"];
        var all = Enumerable.Range(0, count).Select(i => new Person
        {
            Id = $"p-{i:D5}",
            FirstName = "Prénom",
            LastName = $"Fictif {i}",
            Email = $"personne{i}@example.org",
            StructureName = $"Structure fictive n°{i % 2_500}",
            StructureKind = "MSP",
            Department = departments[i % 4],
            Roles = i % 5 == 0 ? ["coordinator"] : [],
        }).ToList();
        foreach (var chunk in all.Chunk(1_000))
        {
            await people.SaveAllAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>This month's outbox as a bad day leaves it (300 failed, 3,000 pending of which 200 retrying) and 12 sources, 2 failing.</summary>
    private static async Task SeedSendsAndSourcesAsync(IOutboxStore outbox, ISourceRunStore runs)
    {
        var now = DateTimeOffset.UtcNow;
        string[] kinds = ["call-new", "call-reminder", "digest", "ticket-confirmation"];
        var messages = Enumerable.Range(0, 3_300).Select(i => new OutboxMessage
        {
            Id = OutboxMessage.IdFor($"bench-{i}"),
            IdempotencyKey = $"bench-{i}",
            Kind = kinds[i % kinds.Length],
            RecipientId = $"p-{i % 10_000:D5}",
            Email = new EmailContent($"personne{i % 10_000}@example.org", $"Prénom Fictif {i % 10_000}", "Sujet fictif", "Texte.", "<p>Texte.</p>"),
            Status = i < 300 ? OutboxStatus.Failed : OutboxStatus.Pending,
            Attempts = i < 300 ? NotificationDispatcher.MaxAttempts : i < 500 ? 2 : 0,
            CreatedAt = now.AddMinutes(-i),
            NextAttemptAt = now.AddMinutes(i % 60),
            LastError = i < 500 ? "Service indisponible (503)." : null,
        }).ToList();
        await outbox.EnqueueManyAsync(messages, CancellationToken.None);
        for (var i = 0; i < 12; i++)
        {
            await runs.SaveAsync(new SourceRun
            {
                Source = $"source-fictive-{i:D2}",
                Kind = i % 3 == 0 ? "Rss" : "WebPage",
                LastRunAt = now.AddMinutes(-30),
                LastSuccessAt = i < 2 ? now.AddDays(-2) : now.AddMinutes(-30),
                Status = i < 2 ? "failed" : "ok",
                Seen = 40,
                New = i % 4,
                Changed = i % 2,
                Rejected = 3,
                LastError = i < 2 ? "La page a répondu 503." : null,
            }, CancellationToken.None);
        }
    }

    /// <summary>A staff session cookie as the development sign-in writes it, signed by the app's own key.</summary>
    private static string StaffCookie(IServiceProvider provider)
    {
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("console.example.org");
        provider.GetRequiredService<WebSessions>().Start(context, StaffAuthentication.DevelopmentCookie, StaffAuthentication.DevelopmentPurpose, StaffId, StaffAuthentication.DevelopmentLifetime);
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
