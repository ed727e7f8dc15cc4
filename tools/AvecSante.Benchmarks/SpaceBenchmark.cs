using System.Diagnostics;
using System.Globalization;
using AvecSante.Api.Composition;
using AvecSante.Api.Space;
using AvecSante.Core.Calls;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Space;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AvecSante.Benchmarks;

/// <summary>
/// The coordinators' space at national scale: 20,000 calls (a share of them open) and 2,000 experience sheets seeded
/// in Azurite through the real stores, then the board and a call's page served by their real handlers (from the
/// composition root both hosts use, session checked, Razor page rendered into a buffer). Prints p50/p95/max per page,
/// and the first request apart (the board's first view of an instance reads every open call; later ones share that
/// read for <see cref="OpenCallsSnapshot.Lifetime"/>).
/// </summary>
/// <remarks>Options: <c>--calls N</c> (20000), <c>--sheets M</c> (2000), <c>--open-share F</c> (0.25), <c>--requests R</c> (200),
/// <c>--storage "connection string"</c> (Azurite on 10000 by default), <c>--prefix P</c> (read the tables of an earlier run).</remarks>
internal static class SpaceBenchmark
{
    private static readonly string[] ThemeCodes = ["addictions", "sante-mentale", "nutrition-activite-physique", "perinatalite", "vaccination", "precarite", "etp", "vieillissement"];
    private static readonly string[] Funders = ["ARS Bretagne", "CPAM 22", "CPAM 29", "CPAM 35", "CPAM 56", "MSA", "Région Bretagne", "Fondation de France"];
    private static readonly string[] Breton = ["22", "29", "35", "56"];

    public static int Run(string[] args)
    {
        var (calls, sheets, openShare, requests) = (20_000, 2_000, 0.25, 200);
        string? prefix = null;
        var storage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sheets": sheets = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--open-share": openShare = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--storage": storage = args[++i]; break;
                case "--prefix": prefix = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        return RunAsync(calls, sheets, openShare, requests, storage, prefix).GetAwaiter().GetResult();
    }

    /// <param name="prefix">Tables of an earlier run to read again (seeding skipped); null: a new prefix, seeded.</param>
    private static async Task<int> RunAsync(int callCount, int sheetCount, double openShare, int requests, string storage, string? prefix)
    {
        var seed = prefix is null;
        prefix ??= "bench" + Guid.NewGuid().ToString("N")[..8];
        // A real web application (Razor rendering needs its host services), composed exactly as the hosts compose it.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:TablePrefix"] = prefix,
            ["Email:FromAddress"] = "alertes@example.org",
            ["Email:LocalOutboxPath"] = Path.Combine(Path.GetTempPath(), "avecsante-space-bench"),
            ["Alerts:LinkSigningKey"] = "benchmark-link-signing-key-0123456789",
        });
        builder.Services.AddAvecSante(builder.Configuration);
        await using var app = builder.Build();
        var provider = app.Services;

        var seeding = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var callStore = provider.GetRequiredService<ICallRepository>();
        if (seed)
        {
            await SeedCallsAsync(callStore, callCount, openShare, now);
            await SeedSheetsAsync(provider.GetRequiredService<DocumentLibrary>(), sheetCount);
        }
        var open = (await callStore.ListAsync(new CallFilter(Status: CallStatus.Open), CancellationToken.None)).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var person = new Person
        {
            Id = "p-bench",
            FirstName = "Katell",
            LastName = "Exemple",
            Email = "katell.bench@example.org",
            Department = "29",
            StructureKind = "MSP",
            Roles = [MemberRoles.SpaceAccess],
            Preferences = new AlertPreferences { Themes = ["addictions", "sante-mentale"] },
        };
        await provider.GetRequiredService<IPeopleRegister>().UpsertAsync(person, CancellationToken.None);
        var session = SpaceSignIn.NewSecret();
        await provider.GetRequiredService<ISpaceSessionStore>().CreateAsync(SpaceSignIn.SecretKey(session), new SpaceSession(person.Id, now.AddDays(1)), CancellationToken.None);
        Console.WriteLine(seed
            ? $"seeded {callCount:N0} calls ({open.Count:N0} open) and {sheetCount:N0} sheets in {seeding.Elapsed.TotalSeconds:F1} s (--prefix {prefix} reads them again)"
            : $"tables {prefix}: {open.Count:N0} open calls");

        var board = provider.GetRequiredService<SpaceBoardHandlers>();
        var callId = open[open.Count / 2];
        await PageTimings.MeasureAsync("board (no filter)", requests, provider, "espace.example.org", SpaceGate.CookieName + "=" + session, "/api/espace", "", r => board.BoardAsync(r, CancellationToken.None));
        await PageTimings.MeasureAsync("board (theme + 30 days)", requests, provider, "espace.example.org", SpaceGate.CookieName + "=" + session, "/api/espace", "?theme=addictions&echeance=30", r => board.BoardAsync(r, CancellationToken.None));
        await PageTimings.MeasureAsync("call page (3 related sheets)", requests, provider, "espace.example.org", SpaceGate.CookieName + "=" + session, "/api/espace/appels/" + callId, "", r => board.CallAsync(r, callId, CancellationToken.None));
        return 0;
    }

    private static async Task SeedCallsAsync(ICallRepository repository, int count, double openShare, DateTimeOffset now)
    {
        var random = new Random(42);
        var all = Enumerable.Range(0, count).Select(i =>
        {
            var isOpen = random.NextDouble() < openShare;
            var deadline = isOpen ? now.AddDays(1 + random.Next(120)) : now.AddDays(-1 - random.Next(3650));
            return new CallForProjects
            {
                Id = $"bench-{i:D6}",
                Title = $"Appel fictif n° {i} : prévention et promotion de la santé en maisons de santé",
                Funder = Funders[random.Next(Funders.Length)],
                Source = "benchmark",
                Url = new Uri($"https://www.example.org/appels/{i}"),
                Deadline = deadline,
                DeadlineEvidence = "au plus tard le " + deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
                Themes = [ThemeCodes[random.Next(ThemeCodes.Length)]],
                Departments = random.Next(3) == 0 ? [] : [Breton[random.Next(4)]],
                Status = isOpen ? CallStatus.Open : CallStatus.Closed,
                CreatedAt = deadline.AddDays(-30),
                Summary = "Appel inventé pour mesurer le tableau de l'espace des coordinateurs.",
            };
        }).ToList();
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (call, ct) => await repository.TryAddAsync(call, ct));
    }

    private static async Task SeedSheetsAsync(DocumentLibrary library, int count) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% fiche {i} {Guid.NewGuid():N}\n%%EOF\n");
            using var content = new MemoryStream(bytes);
            var metadata = new DocumentMetadata
            {
                Title = $"Fiche fictive n° {i}",
                Kind = DocumentKinds.ExperienceSheet,
                Structure = $"MSP fictive {i % 200}",
                Themes = [ThemeCodes[i % ThemeCodes.Length]],
                Year = 2017 + (i % 10),
                Department = Breton[i % 4],
                Summary = "Une équipe raconte son projet.",
                Obstacles = "Temps de coordination.",
                Levers = "Binôme de professionnels.",
            };
            await library.UploadAsync(metadata, new IncomingFile(content, bytes.Length, $"fiche-{i}.pdf"), ct);
        });
}
