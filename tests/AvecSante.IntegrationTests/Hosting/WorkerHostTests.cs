extern alias functionsapp;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvecSante.Api;
using AvecSante.Api.Http;
using AvecSante.IntegrationTests.Documents;
using AvecSante.IntegrationTests.Support;
using AvecSante.Tests.Shared;
using AvecSante.Tests.Shared.Worker;
using functionsapp::AvecSante.Functions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.IntegrationTests.Hosting;

/// <summary>
/// The Functions app's own host (WorkerHost, as Program runs it) with the settings infra/main.bicep deploys: built with
/// DI validation, every function class created, and functions invoked beside the LocalHost on the same storage, to
/// show both hosts answer the same. The Functions host itself (routing, keys, timers firing) is checked after a
/// deployment (README).
/// </summary>
public sealed class WorkerHostTests : IAsyncLifetime, IDisposable
{
    private const long UploadLimit = 1024 * 1024;
    private static readonly IReadOnlyList<SdkFunction> Generated = FunctionsMetadataFile.Read();
    private readonly LocalHostFactory _local = new();
    private IHost _worker = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _local.Settings["Documents:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _worker = DeployedWorkerHost.Build(OnAzurite(_local), services => services.AddSingleton<TimeProvider>(_local.Clock));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _worker?.Dispose();
        _local.Dispose();
    }

    [Fact]
    public void With_the_deployed_settings_the_worker_passes_its_start_up_checks_and_creates_every_function_class()
    {
        using var worker = DeployedWorkerHost.Build();
        worker.Services.GetRequiredService<IStartupValidator>().Validate();

        using var scope = worker.Services.CreateScope();
        var classes = Generated.Select(f => WorkerInvocation.EntryPoint(f).Class).Distinct().ToList();
        foreach (var type in classes)
        {
            // As the worker's function activator does for each invocation.
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
        Assert.Equal(FunctionCatalog.Http.Count + FunctionCatalog.Timers.Count + FunctionCatalog.Queues.Count, Generated.Count);
        Assert.True(classes.Count >= 9, $"only {classes.Count} function classes");
    }

    [Fact]
    public void The_workers_own_web_server_lets_every_upload_setting_answer_before_it()
    {
        var limit = _worker.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;

        Assert.Equal(WorkerHost.HostRequestLimitBytes, limit);
        // The largest values the settings' own checks accept: each stays at or below the worker's limit.
        Assert.True(AvecSante.Infrastructure.Documents.DocumentsOptions.UpperLimitBytes <= limit);
        Assert.True(100L * 1024 * 1024 <= limit, "Members:ImportMaxBytes may be up to 100 MB");
    }

    [Fact]
    public void Every_route_value_reaches_a_function_parameter_of_the_same_name()
    {
        var findings = Generated.Where(f => f.IsHttp).SelectMany(RouteValueFindings).ToList();

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public async Task A_route_value_misspelt_between_route_and_function_fails_the_invocation()
    {
        var misspelt = Function("GetDocument") with { Route = "documents/{documentId}" };

        Assert.Equal(["GetDocument: route value {documentId} has no `string documentId` parameter; parameter `id` has no route value."], RouteValueFindings(misspelt));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkerInvocation.HttpAsync(_worker, misspelt, "GET", "/api/documents/abc"));
        Assert.Contains("`String id` has no binding", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_anonymous_health_function_answers_as_the_LocalHost()
    {
        var worker = await WorkerInvocation.HttpAsync(_worker, Function("Health"), "GET", "/api/health");

        Assert.Equal(200, worker.Status);
        await AssertSameAnswerAsync(worker, HttpMethod.Get, "/api/health");
    }

    [Fact]
    public async Task A_keyed_function_reading_a_route_value_answers_as_the_LocalHost()
    {
        using var client = _local.CreateAdminClient();
        var id = (await Uploads.PostAsync(client, Uploads.UniquePdf("worker"), "fiche.pdf", Uploads.Metadata("Lue par les deux hôtes"))).GetProperty("id").GetString();

        var found = await WorkerInvocation.HttpAsync(_worker, Function("GetDocument"), "GET", $"/api/documents/{id}");
        var missing = await WorkerInvocation.HttpAsync(_worker, Function("GetDocument"), "GET", "/api/documents/inconnu");

        Assert.Equal(200, found.Status);
        Assert.Equal(id, JsonNode.Parse(found.Body)!["id"]!.GetValue<string>());
        await AssertSameAnswerAsync(found, HttpMethod.Get, $"/api/documents/{id}");
        Assert.Equal(404, missing.Status);
        await AssertSameAnswerAsync(missing, HttpMethod.Get, "/api/documents/inconnu");
    }

    [Fact]
    public async Task An_upload_one_byte_over_the_setting_gets_413_problem_json_in_the_worker_as_in_the_LocalHost()
    {
        using var form = Uploads.Form(Uploads.PdfOfSize(UploadLimit + 1), "trop.pdf", Uploads.Metadata());
        await form.LoadIntoBufferAsync();

        var worker = await WorkerInvocation.HttpAsync(_worker, Function("UploadDocument"), "POST", "/api/documents", form);

        Assert.Equal(413, worker.Status);
        Assert.Equal("application/problem+json", MediaType(worker.ContentType));
        Assert.Equal("Le fichier est trop volumineux.", JsonNode.Parse(worker.Body)!["title"]!.GetValue<string>());
        using var again = Uploads.Form(Uploads.PdfOfSize(UploadLimit + 1), "trop.pdf", Uploads.Metadata());
        await AssertSameAnswerAsync(worker, HttpMethod.Post, "/api/documents", again);
    }

    [Fact]
    public async Task The_purge_timer_run_by_the_worker_erases_what_the_LocalHosts_job_would()
    {
        using var client = _local.CreateAdminClient();
        var id = (await Uploads.PostAsync(client, Uploads.UniquePdf("purge"), "fiche.pdf", Uploads.Metadata("À purger"))).GetProperty("id").GetString();
        using (var deleted = await client.DeleteAsync(new Uri($"/api/documents/{id}", UriKind.Relative)))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        _local.Clock.Advance(TimeSpan.FromDays(29));
        await WorkerInvocation.TimerAsync(_worker, Function("PurgeDeletedDocuments"));
        using (var kept = await client.GetAsync(new Uri($"/api/documents/{id}", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, kept.StatusCode);
        }
        _local.Clock.Advance(TimeSpan.FromDays(2));
        await WorkerInvocation.TimerAsync(_worker, Function("PurgeDeletedDocuments"));

        using var gone = await client.GetAsync(new Uri($"/api/documents/{id}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_ticketing_queue_function_run_by_the_worker_processes_what_the_LocalHost_acknowledged()
    {
        _local.Settings["Ticketing:HelloAsso:UrlSecret"] = "test-url-secret-0123456789";
        using var admin = _local.CreateAdminClient();
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/events", UriKind.Relative), new
        {
            title = "Journée régionale 2027 (worker)",
            kind = "journee-regionale",
            start = "2027-03-18T09:30",
            end = "2027-03-18T17:00",
            formSlugs = new[] { "journee-regionale-2027" },
        }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var eventId = (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/events", UriKind.Relative))).EnumerateArray().Single().GetProperty("id").GetString();
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryFiles.Path("samples", "helloasso", "demo-order-journee-regionale.json")));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var acknowledged = await _local.CreateClient().PostAsync(new Uri("/api/ticketing/helloasso?secret=test-url-secret-0123456789", UriKind.Relative), body))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, acknowledged.StatusCode);
        }

        // The message the LocalHost queued, received as the Functions host's trigger receives it, run by the worker.
        var queue = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, _local.TablePrefix + "-ticketing",
            new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        await WorkerInvocation.QueueAsync(_worker, Function("ProcessTicketingDelivery"), message);

        var registrations = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{eventId}/registrations", UriKind.Relative));
        Assert.Equal(3, registrations.GetProperty("registrations").GetArrayLength());
    }

    [Fact]
    public async Task The_report_queue_function_run_by_the_worker_compiles_what_the_LocalHost_queued()
    {
        using var admin = _local.CreateAdminClient();
        using (var accepted = await admin.PostAsync(new Uri("/api/reports/annual/2025", UriKind.Relative), null))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var queue = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, _local.TablePrefix + "-reports",
            new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        var message = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        await WorkerInvocation.QueueAsync(_worker, Function("CompileQueuedAnnualReport"), message);

        var status = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/reports/annual/2025", UriKind.Relative));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("files").GetArrayLength());
    }

    private static SdkFunction Function(string name) => Generated.Single(f => f.Name == name);

    /// <summary>The worker binds route values to the function's parameters by name: both sides must name the same values.</summary>
    private static IEnumerable<string> RouteValueFindings(SdkFunction function)
    {
        var route = ApiDescription.RouteValues(function.Route!);
        var parameters = WorkerInvocation.EntryPoint(function).Method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToList();
        var unbound = route.Except(parameters).Select(r => $"route value {{{r}}} has no `string {r}` parameter");
        var orphans = parameters.Except(route).Select(p => $"parameter `{p}` has no route value");
        var problems = unbound.Concat(orphans).ToList();
        return problems.Count == 0 ? [] : [$"{function.Name}: {string.Join("; ", problems)}."];
    }

    private static Dictionary<string, string?> OnAzurite(LocalHostFactory local) => new(StringComparer.Ordinal)
    {
        ["Storage:ConnectionString"] = Azurite.ConnectionString,
        ["Storage:TableServiceUri"] = string.Empty,
        ["Storage:BlobServiceUri"] = string.Empty,
        ["Storage:TablePrefix"] = local.TablePrefix,
        ["Email:SendGrid:ApiKey"] = string.Empty,
        ["Email:LocalOutboxPath"] = local.OutboxPath,
        ["Documents:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The LocalHost's answer to the same request: same status, media type and JSON (bar per-request values).</summary>
    private async Task AssertSameAnswerAsync(WorkerAnswer worker, HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var client = _local.CreateAdminClient();
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((int)response.StatusCode, worker.Status);
        Assert.Equal(response.Content.Headers.ContentType?.MediaType, MediaType(worker.ContentType));
        Assert.Equal(Comparable(body), Comparable(worker.Body));
    }

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : MediaTypeHeaderValue.Parse(contentType).MediaType;

    /// <summary>The JSON without what differs per request by nature (trace id, elapsed time).</summary>
    private static string Comparable(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject node)
        {
            return json;
        }
        node.Remove("traceId");
        node.Remove("elapsedMs");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
