using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AvecSante.Api.Reports;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Reports;
using AvecSante.IntegrationTests.Support;
using AvecSante.LocalHost.Hosting;
using Azure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Reports;

/// <summary>
/// The on-demand compilation through the work queue on Azurite: a compilation killed mid-way is completed by the next
/// host on the same storage; one that keeps failing is retried, poisoned, says "failed", and can be put back by staff;
/// one that cannot be queued says so at once.
/// </summary>
public sealed class AnnualReportQueueTests : IAsyncLifetime, IDisposable
{
    private readonly List<LocalHostFactory> _hosts = [];

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private LocalHostFactory NewHost(LocalHostFactory? sameStorageAs = null)
    {
        var host = new LocalHostFactory();
        if (sameStorageAs is not null)
        {
            // The same tables, blobs and queues as the first host: a restart of the same app.
            host.Settings["Storage:TablePrefix"] = sameStorageAs.TablePrefix;
            host.Settings["Queues:ReportCompiles"] = sameStorageAs.TablePrefix + "-reports";
            host.Settings["Queues:TicketingDeliveries"] = sameStorageAs.TablePrefix + "-ticketing";
        }
        _hosts.Add(host);
        return host;
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, int year) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/annual/{year}", UriKind.Relative));

    [Fact]
    public async Task A_compilation_killed_mid_way_is_completed_after_restart_by_the_next_host_on_the_same_storage()
    {
        var first = NewHost();
        var stalled = new StallingArchive();
        first.Settings["AzureFunctionsJobHost:functionTimeout"] = "00:00:01"; // the message's lease, as the host takes it
        first.TestServices = services => services.AddSingleton<IAnnualReportArchive>(sp => stalled.Over(ActivatorUtilities.CreateInstance<TableAnnualReportArchive>(sp)));
        using (var client = first.CreateAdminClient())
        using (var accepted = await client.PostAsync(new Uri("/api/reports/annual/2024", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            // The queue function starts compiling, and the process dies while it stores the files: nothing more is
            // written and the message is not deleted.
            using var kill = new CancellationTokenSource();
            var listener = first.Services.GetRequiredService<FunctionQueues>().DrainAsync(kill.Token);
            await stalled.Storing.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("running", (await StatusAsync(client, 2024)).GetProperty("status").GetString());
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener);
        }
        first.Dispose();

        var second = NewHost(sameStorageAs: first);
        using var admin = second.CreateAdminClient();
        var status = await StatusAsync(admin, 2024);
        for (var attempt = 0; attempt < 60 && status.GetProperty("status").GetString() != "completed"; attempt++)
        {
            await Task.Delay(500); // until the dead attempt's lease lapses and the message is visible again
            await second.DrainQueuesAsync();
            status = await StatusAsync(admin, 2024);
        }

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("manual", status.GetProperty("trigger").GetString());
        var docx = status.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("format").GetString() == "docx");
        var bytes = await admin.GetByteArrayAsync(new Uri("/api/reports/annual/2024/docx", UriKind.Relative));
        Assert.Equal(docx.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("Aucune donnée pour 2024", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Equal(0, await second.DrainQueuesAsync());
    }

    [Fact]
    public async Task A_compilation_that_keeps_failing_is_retried_poisoned_says_failed_and_completes_when_staff_put_it_back()
    {
        var host = NewHost();
        var renderer = new FailingRenderer();
        host.TestServices = services => services.AddSingleton<IAnnualReportRenderer>(renderer.Over(new AnnualReportRenderer()));
        using var admin = host.CreateAdminClient();

        using var accepted = await admin.PostAsync(new Uri("/api/reports/annual/2023", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await host.DrainQueuesAsync();

        Assert.Equal(5, renderer.Calls); // host.json's maxDequeueCount
        var failed = await StatusAsync(admin, 2023);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("5 tentatives", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var poisoned = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/queues/poison", UriKind.Relative))).EnumerateArray());
        Assert.Equal("CompileQueuedAnnualReport", poisoned.GetProperty("function").GetString());

        renderer.Failing = false;
        using var retried = await admin.PostAsync(new Uri($"/api/queues/poison/{poisoned.GetProperty("id").GetString()}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await host.DrainQueuesAsync();

        var done = await StatusAsync(admin, 2023);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("files").GetArrayLength());
        Assert.Equal(6, renderer.Calls);
    }

    [Fact]
    public async Task The_15_january_compile_goes_through_the_queue_and_a_year_that_ended_failed_is_asked_again_the_next_day()
    {
        var host = NewHost();
        var renderer = new FailingRenderer();
        host.Settings["Schedules:CompileAnnualReport"] = string.Empty; // the test runs the job itself
        host.TestServices = services => services.AddSingleton<IAnnualReportRenderer>(renderer.Over(new AnnualReportRenderer()));
        using var admin = host.CreateAdminClient();
        var job = host.Services.GetRequiredService<CompileAnnualReportJob>();

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 5, 5, 0, TimeSpan.Zero));
        await job.RunAsync(default);
        Assert.Equal("queued", (await StatusAsync(admin, 2026)).GetProperty("status").GetString());
        await host.DrainQueuesAsync();
        Assert.Equal("failed", (await StatusAsync(admin, 2026)).GetProperty("status").GetString());

        renderer.Failing = false;
        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 16, 5, 5, 0, TimeSpan.Zero));
        await job.RunAsync(default);
        Assert.Equal(1, await host.DrainQueuesAsync());
        var done = await StatusAsync(admin, 2026);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("scheduled", done.GetProperty("trigger").GetString());
        Assert.Equal(6, renderer.Calls); // five attempts on the 15th, one on the 16th

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 17, 5, 5, 0, TimeSpan.Zero));
        await job.RunAsync(default);
        Assert.Equal(0, await host.DrainQueuesAsync()); // compiled: the claim holds
    }

    [Fact]
    public async Task A_compilation_that_cannot_be_queued_answers_503_in_french_and_the_year_says_failed()
    {
        var host = NewHost();
        host.TestServices = services => services.AddSingleton<IQueuedReportCompiles, UnreachableQueue>();
        using var admin = host.CreateAdminClient();

        using var refused = await admin.PostAsync(new Uri("/api/reports/annual/2022", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Stockage", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        var status = await StatusAsync(admin, 2022);
        Assert.Equal("failed", status.GetProperty("status").GetString()); // not "queued" until it is stale
    }

    /// <summary>The real archive, except that storing a file never finishes (until the process is stopped).</summary>
    private sealed class StallingArchive
    {
        public TaskCompletionSource Storing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IAnnualReportArchive Over(IAnnualReportArchive inner) => new Stalled(inner, this);

        private sealed class Stalled(IAnnualReportArchive inner, StallingArchive owner) : IAnnualReportArchive
        {
            public Task<AnnualReportRecord?> GetAsync(int year, CancellationToken cancellationToken) => inner.GetAsync(year, cancellationToken);

            public Task<AnnualReportRecord?> TrySaveAsync(AnnualReportRecord record, CancellationToken cancellationToken) => inner.TrySaveAsync(record, cancellationToken);

            public async Task<ReportFile> StoreFileAsync(int year, string format, string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
            {
                owner.Storing.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new InvalidOperationException("never reached");
            }

            public Task<Stream?> OpenFileAsync(int year, string fileName, CancellationToken cancellationToken) => inner.OpenFileAsync(year, fileName, cancellationToken);

            public Task<bool> TryClaimScheduledAsync(int year, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryClaimScheduledAsync(year, now, cancellationToken);

            public Task ReleaseScheduledClaimAsync(int year, CancellationToken cancellationToken) => inner.ReleaseScheduledClaimAsync(year, cancellationToken);
        }
    }

    /// <summary>The real renderer once <see cref="Failing"/> is off; counts every attempt.</summary>
    private sealed class FailingRenderer
    {
        private int _calls;

        public bool Failing { get; set; } = true;

        public int Calls => _calls;

        public IAnnualReportRenderer Over(IAnnualReportRenderer inner) => new Renderer(inner, this);

        private sealed class Renderer(IAnnualReportRenderer inner, FailingRenderer owner) : IAnnualReportRenderer
        {
            public RenderedReport Render(AnnualReport report)
            {
                Interlocked.Increment(ref owner._calls);
                return owner.Failing ? throw new InvalidOperationException("rendu impossible (test)") : inner.Render(report);
            }
        }
    }

    private sealed class UnreachableQueue : IQueuedReportCompiles
    {
        public Task EnqueueAsync(ReportCompileRequest request, CancellationToken cancellationToken) =>
            throw new RequestFailedException(0, "Connection refused (test)");
    }
}
