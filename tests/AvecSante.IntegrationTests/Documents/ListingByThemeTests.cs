using System.Collections.Concurrent;
using AvecSante.Core.Documents;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Documents;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.IntegrationTests.Documents;

/// <summary>
/// Proves on the wire that listing by theme (and the alerts' three most relevant sheets) is ONE partition query:
/// a pipeline policy records every request the Table client sends to Azurite.
/// </summary>
public sealed class ListingByThemeTests : IAsyncLifetime
{
    private readonly StorageOptions _storage = new() { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.NewPrefix() };
    private readonly RequestRecorder _recorder = new();
    private TableStore _tables = null!;
    private TableDocumentRepository _documents = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_recorder, HttpPipelinePosition.PerRetry);
        _tables = new TableStore(new TableServiceClient(_storage.ConnectionString, options), Options.Create(_storage));
        _documents = new TableDocumentRepository(_tables, Options.Create(new FederationOptions()));

        await AddAsync("tabac", ["addictions"], 2025, "29", "MSP des Trois-Rivières", methodFields: true);
        await AddAsync("alcool", ["addictions", "sante-mentale"], 2023, "35", "MSP de la Forêt de Brocéliande", methodFields: false);
        await AddAsync("marche", ["nutrition-activite-physique"], 2025, "22", "ESP de la Côte d'Émeraude", methodFields: true);
        await AddAsync("parents", ["perinatalite"], 2024, "56", "MSP du Val d'Oust", methodFields: true);
    }

    public async Task DisposeAsync() => await (await _tables.GetAsync(TableDocumentRepository.TableName, CancellationToken.None)).DeleteAsync();

    private async Task AddAsync(string name, string[] themes, int year, string department, string structure, bool methodFields)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        await _documents.TryAddAsync(new LibraryDocument
        {
            Id = LibraryDocument.IdFor(sha),
            Description = new DocumentDescription
            {
                Title = name,
                Kind = DocumentKinds.ExperienceSheet,
                Structure = structure,
                Themes = themes,
                Year = year,
                Department = department,
                Obstacles = methodFields ? "Freins" : null,
                Levers = methodFields ? "Leviers" : null,
            },
            Versions = [new DocumentVersion { Number = 1, Sha256 = sha, Size = 1, ContentType = "application/pdf", FileName = name + ".pdf", ContentName = name, UploadedAt = now }],
            CreatedAt = now,
            UpdatedAt = now,
        }, CancellationToken.None);
    }

    [Fact]
    public async Task Listing_by_theme_sends_one_query_scoped_to_the_theme_partition()
    {
        _recorder.Clear();

        var found = await _documents.ListAsync(new DocumentFilter { Theme = "addictions" }, CancellationToken.None);

        Assert.Equal(["alcool", "tabac"], found.Select(d => d.Title).Order(StringComparer.Ordinal));
        var request = Assert.Single(_recorder.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("PartitionKey eq 'bretagne~theme~addictions'", request.Filter);
    }

    [Fact]
    public async Task Listing_by_year_department_or_structure_is_one_partition_query_each()
    {
        foreach (var (filter, partition) in new (DocumentFilter, string)[]
        {
            (new DocumentFilter { Year = 2025 }, "bretagne~year~2025"),
            (new DocumentFilter { Department = "56" }, "bretagne~dept~56"),
            (new DocumentFilter { Structure = "msp des trois rivieres" }, "bretagne~structure~" + TableDocumentRepository.StructureKey("MSP des Trois-Rivières")),
        })
        {
            _recorder.Clear();

            var found = await _documents.ListAsync(filter, CancellationToken.None);

            Assert.NotEmpty(found);
            var request = Assert.Single(_recorder.Requests);
            Assert.StartsWith($"PartitionKey eq '{partition}'", request.Filter, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_three_most_relevant_sheets_for_a_theme_cost_one_partition_query()
    {
        var finder = new ExperienceSheetFinder(_documents, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        _recorder.Clear();

        var found = await finder.FindForThemeAsync("addictions", IExperienceSheetFinder.DefaultMax, CancellationToken.None);

        Assert.Equal(["tabac", "alcool"], found.Select(d => d.Title));
        var request = Assert.Single(_recorder.Requests);
        Assert.StartsWith("PartitionKey eq 'bretagne~theme~addictions'", request.Filter, StringComparison.Ordinal);
    }

    /// <summary>Records each request's method and decoded $filter as it leaves the Table client.</summary>
    private sealed class RequestRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<(string Method, string? Filter)> _requests = new();

        public IReadOnlyList<(string Method, string? Filter)> Requests => [.. _requests];

        public void Clear() => _requests.Clear();

        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            var uri = message.Request.Uri.ToUri();
            var filter = System.Web.HttpUtility.ParseQueryString(uri.Query)["$filter"];
            _requests.Enqueue((message.Request.Method.ToString(), filter));
        }
    }
}
