using System.Diagnostics;
using System.Globalization;
using System.Net;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.Benchmarks;

/// <summary>
/// N coordinators × M new calls: plans every alert (matching, one template per call, signed links), then dispatches
/// them through the real SendGrid client (its HTTP answered 202 in-process, so requests are counted, not sent) and the
/// real Table outbox on Azurite. Prints SendGrid requests and Table transactions next to their minimum, and the times.
/// </summary>
/// <remarks>Options: <c>--people N</c> (1000), <c>--calls M</c> (50), <c>--storage "connection string"</c> (Azurite on 10000 by default).</remarks>
internal static class AlertsBenchmark
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] ThemeCodes = ["addictions", "sante-mentale", "nutrition-activite-physique", "perinatalite", "vaccination", "precarite", "etp", "vieillissement"];
    private static readonly string[] Breton = ["22", "29", "35", "56"];

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests;
        public int Personalizations;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            var body = await request.Content!.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = System.Text.Json.JsonDocument.Parse(body);
            Interlocked.Add(ref Personalizations, json.RootElement.GetProperty("personalizations").GetArrayLength());
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }

    /// <summary>Counts every request the Table client sends: writes (batches count once) and reads.</summary>
    private sealed class TableRequests : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public int Writes;
        public int Reads;

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Get)
            {
                Interlocked.Increment(ref Reads);
            }
            else
            {
                Interlocked.Increment(ref Writes);
            }
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Directory(IReadOnlyList<Person> people) : IPeopleDirectory
    {
        private readonly Dictionary<string, Person> _byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);

        public Task UpsertAsync(Person person, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Person?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_byId.GetValueOrDefault(id));

        public Task<bool> SavePreferencesAsync(string id, AlertPreferences preferences, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Person>> ListAlertRecipientsAsync(CancellationToken cancellationToken) => Task.FromResult(people);
    }

    private sealed class NullOutbox : IOutboxStore
    {
        public int Planned;

        public Task<bool> TryEnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Planned++;
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<OutboxMessage>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<OutboxMessage?> TryUpdateAsync(OutboxMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxStatus? status, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxMessage>> ListForRecipientAsync(string recipientId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ErasePersonalDataAsync(string recipientId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    public static int Run(string[] args)
    {
        var people = 1000;
        var calls = 50;
        var storage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--people": people = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--storage": storage = args[++i]; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        return RunAsync(people, calls, storage).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int peopleCount, int callCount, string storage)
    {
        var random = new Random(2027);
        var people = Enumerable.Range(1, peopleCount).Select(i => new Person
        {
            Id = $"p-{i:D5}",
            FirstName = "Prénom" + i.ToString(CultureInfo.InvariantCulture),
            LastName = "Exemple",
            Email = $"coordination{i}@example.org",
            StructureKind = "MSP",
            Department = Breton[random.Next(Breton.Length)],
            // A third follow every theme, the others two to four themes.
            Preferences = new AlertPreferences { Themes = random.Next(3) == 0 ? [] : ThemeCodes.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList() },
        }).ToList();
        var callList = Enumerable.Range(1, callCount).Select(i => new CallForProjects
        {
            Id = $"bench{i:D3}",
            Title = $"Appel fictif n° {i} : prévention en soins primaires",
            Funder = i % 2 == 0 ? "ARS Bretagne" : "CPAM 29",
            Source = "benchmark",
            Url = new Uri($"https://example.org/appels/{i}"),
            Deadline = Now.AddDays(20 + (i % 10)),
            Themes = [ThemeCodes[i % ThemeCodes.Length]],
            Departments = i % 3 == 0 ? ["regional"] : [Breton[i % 4]],
            CreatedAt = Now,
        }).ToList();
        var clock = new FixedClock(Now);
        var routing = new AlertRouting([], new SignedLinks(new LinkSettings("benchmark-link-signing-key-0123456789abcdef"u8.ToArray(), new Uri("https://alertes.example.org/"), TimeSpan.FromDays(90)), clock));
        var directory = new Directory(people);

        // 1. Planning alone (matching, templates, envelopes with signed links), no storage.
        var nullOutbox = new NullOutbox();
        var planning = Stopwatch.StartNew();
        var matched = 0;
        foreach (var call in callList)
        {
            matched += await new CallAlertPlanner(directory, nullOutbox, clock, routing).PlanNewCallAlertsAsync(call, CancellationToken.None).ConfigureAwait(false);
        }
        planning.Stop();
        var perCall = callList.Select(c => people.Count(p => CallMatcher.Match(c, p) is not null)).ToList();

        // 2. The same plan into the real Table outbox on Azurite, then one dispatch through the real SendGrid client.
        var counter = new TableRequests();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(storage, tableOptions);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var tableStore = new TableStore(tables, MsOptions.Create(new StorageOptions { TablePrefix = prefix }));
        var store = new TableOutboxStore(tableStore, MsOptions.Create(new FederationOptions()), clock);
        await tableStore.GetAsync(TableOutboxStore.TableName, CancellationToken.None).ConfigureAwait(false); // the table's creation is not counted
        var before = counter.Writes;
        var storing = Stopwatch.StartNew();
        foreach (var call in callList)
        {
            await new CallAlertPlanner(directory, store, clock, routing).PlanNewCallAlertsAsync(call, CancellationToken.None).ConfigureAwait(false);
        }
        storing.Stop();
        var planTransactions = counter.Writes - before;
        var readsBefore = counter.Reads;

        using var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        var sendGrid = new SendGridEmailSender(http, MsOptions.Create(new EmailOptions { FromAddress = "alertes@example.org", SendGrid = new SendGridOptions { ApiKey = "SG.benchmark" } }), clock);
        var quiet = new DispatchChannels(Calendar: new Discard(), Teams: new Discard(), People: directory);
        var dispatching = Stopwatch.StartNew();
        var summary = await new NotificationDispatcher(store, sendGrid, clock, NullLogger<NotificationDispatcher>.Instance, quiet).DispatchDueAsync(CancellationToken.None).ConfigureAwait(false);
        dispatching.Stop();
        var dispatchTransactions = counter.Writes - before - planTransactions;
        var dispatchReads = counter.Reads - readsBefore;
        await tables.DeleteTableAsync(prefix + TableOutboxStore.TableName).ConfigureAwait(false);

        var shared = callList.Count(c => c.Deadline is not null) + callList.Count; // one calendar entry and one Teams card per call
        var minRequests = perCall.Sum(n => (n + 999) / 1000);
        var minPlan = perCall.Sum(n => 2 * ((n + 2 + 99) / 100));
        var minDispatch = perCall.Sum(n => 2 * ((n + 99) / 100)) + (2 * shared);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {peopleCount} coordinators × {callCount} new calls: {matched} alert emails (+ {shared} calendar/Teams messages)
            planning (match, template, signed links):   {planning.Elapsed.TotalMilliseconds,8:F0} ms  ({planning.Elapsed.TotalMicroseconds / Math.Max(1, matched),6:F1} µs per alert)
            planning into the Table outbox (Azurite):   {storing.Elapsed.TotalMilliseconds,8:F0} ms, {planTransactions} transactions (minimum {minPlan}: 2 × ⌈rows / 100⌉ per call)
            dispatch (lease, send, record):             {dispatching.Elapsed.TotalMilliseconds,8:F0} ms, {dispatchTransactions} transactions (minimum {minDispatch}: 2 × ⌈rows / 100⌉ per batch), {dispatchReads} query pages
            SendGrid requests:                          {handler.Requests,8} (minimum {minRequests}: ⌈recipients / 1000⌉ per distinct message); {handler.Personalizations} personalizations
            sent {summary.Sent}, retrying {summary.Retrying}, failed {summary.Failed}
            """));
        return summary.Sent == matched + shared && handler.Requests == minRequests ? 0 : 1;
    }

    private sealed class Discard : ICalendarPublisher, ITeamsPoster
    {
        public Task<DeliveryResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Delivered);

        public Task<DeliveryResult> PostAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Delivered);
    }
}
