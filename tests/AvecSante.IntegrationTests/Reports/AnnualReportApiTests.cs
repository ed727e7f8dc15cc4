using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AvecSante.Api.Reports;
using AvecSante.Core.Alerts;
using AvecSante.Core.Calls;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Reports;

/// <summary>The yearly report through the LocalHost app on Azurite: compile, list, download; the 15 January timer.</summary>
public sealed class AnnualReportApiTests : IAsyncLifetime, IDisposable
{
    private readonly LocalHostFactory _host = new();

    public AnnualReportApiTests()
    {
        _host.Settings["Schedules:CompileAnnualReport"] = string.Empty; // the test runs the job itself
        _host.Settings["Reports:BoardRecipients"] = "bureau@example.org, tresoriere@example.org";
    }

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    /// <summary>Asks for a year (202, queued), runs the host's queue listener, and returns the year's status resource.</summary>
    private async Task<JsonElement> CompileAsync(HttpClient client, int year)
    {
        using var accepted = await client.PostAsync(new Uri($"/api/reports/annual/{year}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await _host.DrainQueuesAsync();
        return await client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!);
    }

    private async Task SeedAsync(int year)
    {
        var services = _host.Services;
        var structures = Enumerable.Range(0, 12).Select(i => new MemberStructure
        {
            Id = $"s-report-{i}",
            Kind = i % 4 == 3 ? "ESP" : "MSP",
            Name = $"MSP du rapport n°{i} (fictive)",
            Department = new[] { "22", "29", "35", "56" }[i % 4],
            AciSignatory = i % 3 != 0,
            JoinedOn = new DateOnly(year - 3, 1, 1),
        }).ToList();
        await services.GetRequiredService<IStructureRepository>().SaveAllAsync(structures, default);
        await services.GetRequiredService<ICotisationRepository>().SaveAllAsync(
            structures.SelectMany(s => new[] { year - 1, year }.Where(y => y == year || s.Id != "s-report-0")
                .Select(y => new Cotisation { StructureId = s.Id, Year = y, Amount = 150m, NationalShare = 30m, PaidOn = new DateOnly(y, 3, 1), Method = "virement" })).ToList(), default);

        var calls = services.GetRequiredService<ICallRepository>();
        for (var i = 0; i < 6; i++)
        {
            var published = new DateOnly(year, 2 + i, 1);
            await calls.TryAddAsync(new CallForProjects
            {
                Id = $"c-report-{i}",
                Title = $"Appel fictif n°{i}",
                Funder = i % 2 == 0 ? "CPAM du Finistère" : "ARS Bretagne",
                PublishedOn = published,
                Deadline = new DateTimeOffset(published.AddDays(15 + (i * 8)).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero),
                Themes = ["addictions"],
                Departments = ["29"],
                Source = "manual",
                CreatedAt = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            }, default);
        }

        var day = new Event
        {
            Id = $"ev-report-{year}",
            Title = $"Journée régionale {year} (fictive)",
            Kind = EventKinds.JourneeRegionale,
            StartsAt = new DateTimeOffset(year, 3, 18, 8, 30, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(year, 3, 18, 16, 0, 0, TimeSpan.Zero),
            FormSlugs = [$"journee-rapport-{year}-{Guid.NewGuid():N}"],
        };
        await services.GetRequiredService<IEventRepository>().TryAddAsync(day, default);
        var tickets = services.GetRequiredService<ITicketStore>();
        for (var i = 0; i < 5; i++)
        {
            await tickets.EnsureAsync(day, new Ticket
            {
                Key = Ticket.KeyFor("webhook", $"r-{i}"),
                EventId = day.Id,
                Source = "webhook",
                ExternalId = $"r-{i}",
                AmountCents = 2500,
                Attendee = new Attendee("Prénom", "Exemple", $"inscrit{i}@example.org"),
            }, default);
        }
    }

    [Fact]
    public async Task A_year_is_compiled_on_demand_listed_with_its_files_and_downloaded_as_a_valid_word_document()
    {
        await SeedAsync(2026);
        using var client = _host.CreateAdminClient();

        var listed = await CompileAsync(client, 2026);
        Assert.Equal("completed", listed.GetProperty("status").GetString());
        Assert.Equal(["docx", "xlsx", "json"], listed.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("format").GetString()));

        var docxFile = listed.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("format").GetString() == "docx");
        using var download = await client.GetAsync(new Uri("/api/reports/annual/2026/docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("rapport-activite-2026.docx", download.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(docxFile.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("En 2026, 12 structures ont payé leur cotisation (11 en 2025)", text, StringComparison.Ordinal);
        Assert.Contains("5 inscrits", text, StringComparison.Ordinal);

        var summary = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/reports/annual/2026/json", UriKind.Relative));
        Assert.Equal(6, summary.GetProperty("current").GetProperty("calls").GetProperty("callCount").GetInt32());
        Assert.Equal(35, summary.GetProperty("current").GetProperty("calls").GetProperty("windows").GetProperty("median").GetDouble());
        using var annex = await client.GetAsync(new Uri("/api/reports/annual/2026/xlsx", UriKind.Relative));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await annex.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
    }

    [Fact]
    public async Task A_year_with_nothing_recorded_still_gives_a_report_that_says_aucune_donnee()
    {
        using var client = _host.CreateAdminClient();

        Assert.Equal("completed", (await CompileAsync(client, 2019)).GetProperty("status").GetString());
        var bytes = await client.GetByteArrayAsync(new Uri("/api/reports/annual/2019/docx", UriKind.Relative));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("Aucune donnée pour 2019 : aucun événement", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compilation_is_queued_answered_202_followed_not_doubled_and_completed_by_the_queue_function()
    {
        await SeedAsync(2025);
        using var client = _host.CreateAdminClient();

        using var accepted = await client.PostAsync(new Uri("/api/reports/annual/2025", UriKind.Relative), null);
        using var again = await client.PostAsync(new Uri("/api/reports/annual/2025", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.EndsWith("/api/reports/annual/2025", accepted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("queued", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // the queued one, followed
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!)).GetProperty("status").GetString());
        Assert.Equal(1, await _host.DrainQueuesAsync()); // one message for two requests
        var done = await client.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("manual", done.GetProperty("trigger").GetString());
        Assert.Equal(3, done.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public async Task Bad_years_and_formats_get_french_problems_and_an_uncompiled_year_is_a_404()
    {
        using var client = _host.CreateAdminClient();

        using var letters = await client.PostAsync(new Uri("/api/reports/annual/20x6", UriKind.Relative), null);
        using var future = await client.GetAsync(new Uri("/api/reports/annual/2031", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/api/reports/annual/2018", UriKind.Relative));
        using var format = await client.GetAsync(new Uri("/api/reports/annual/2018/pdf", UriKind.Relative));
        using var anonymous = await _host.CreateClient().GetAsync(new Uri("/api/reports/annual/2018", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.Equal("application/problem+json", letters.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Aucun rapport", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, format.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_timer_compiles_the_year_before_once_from_15_january_0600_paris_and_mails_the_board_once()
    {
        await SeedAsync(2026);
        var job = _host.Services.GetRequiredService<CompileAnnualReportJob>();
        var archive = _host.Services.GetRequiredService<IAnnualReportArchive>();

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 4, 59, 0, TimeSpan.Zero)); // 05:59 Paris: not yet
        await job.RunAsync(default);
        Assert.Null(await archive.GetAsync(2026, default));

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 5, 5, 0, TimeSpan.Zero));
        await job.RunAsync(default);
        Assert.Equal(ReportRunStatus.Queued, (await archive.GetAsync(2026, default))!.Status); // compiled from the queue
        await job.RunAsync(default); // a second occurrence, or a second instance: nothing more
        Assert.Equal(1, await _host.DrainQueuesAsync());

        var record = await archive.GetAsync(2026, default);
        Assert.Equal(ReportRunStatus.Completed, record!.Status);
        Assert.Equal("scheduled", record.Trigger);
        Assert.All(record.Files, f => Assert.Equal(64, f.Sha256.Length));
        var mails = (await _host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, default)).Where(m => m.Kind == AnnualReportService.EmailKind).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(NotificationChannel.TenantEmail, m.Channel));
        Assert.Contains("Rapport d'activité 2026", mails[0].Email.Subject, StringComparison.Ordinal);
        Assert.Contains("/reports/annual/2026/docx", mails[0].Email.TextBody, StringComparison.Ordinal);
        Assert.Equal(record.StartedAt, (await archive.GetAsync(2026, default))!.StartedAt);
    }
}
