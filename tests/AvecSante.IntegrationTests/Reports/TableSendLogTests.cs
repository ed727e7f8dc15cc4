using AvecSante.Core.Alerts;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.IntegrationTests.Reports;

/// <summary>The report's send totals against real Azurite: closed months kept once (ADR 0011), open months read live.</summary>
public sealed class TableSendLogTests : IAsyncLifetime
{
    // On 10 March the dispatcher scans March and February: January and before are closed.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly StorageOptions _storage = new() { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.NewPrefix() };
    private TableStore _tables = null!;
    private TableOutboxStore _outbox = null!;
    private TableSendLog _log = null!;
    private int _sequence;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _tables = new TableStore(new TableServiceClient(_storage.ConnectionString), MsOptions.Create(_storage));
        var federation = MsOptions.Create(new FederationOptions());
        _outbox = new TableOutboxStore(_tables, federation, _clock);
        _log = new TableSendLog(_tables, federation, _clock, NullLogger<TableSendLog>.Instance);
    }

    public async Task DisposeAsync()
    {
        foreach (var name in new[] { TableOutboxStore.TableName, TableSendLog.TotalsTableName })
        {
            await (await _tables.GetAsync(name, CancellationToken.None)).DeleteAsync();
        }
    }

    private OutboxMessage Message(string kind, string recipient, OutboxStatus status, DateTimeOffset createdAt, NotificationChannel channel = NotificationChannel.Email)
    {
        var key = $"{recipient}|{kind}|{Interlocked.Increment(ref _sequence)}";
        return new OutboxMessage
        {
            Id = OutboxMessage.IdFor(key),
            IdempotencyKey = key,
            Kind = kind,
            Channel = channel,
            RecipientId = recipient,
            Email = new EmailContent($"{recipient}@example.org", "Personne fictive", "Sujet", "texte", "<p>html</p>"),
            Status = status,
            CreatedAt = createdAt,
            NextAttemptAt = createdAt,
        };
    }

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private async Task<List<string>> KeptMonthsAsync()
    {
        var table = await _tables.GetAsync(TableSendLog.TotalsTableName, CancellationToken.None);
        return await table.QueryAsync<TableEntity>(select: ["RowKey"]).Select(e => e.RowKey).ToListAsync();
    }

    [Fact]
    public async Task A_closed_month_is_totalled_once_and_kept_while_open_months_are_read_from_their_rows()
    {
        var january = new[]
        {
            Message("call-new", "p1", OutboxStatus.Sent, Day(2026, 1, 5)),
            Message("call-new", "p2", OutboxStatus.Failed, Day(2026, 1, 5)),
            Message("digest", "p3", OutboxStatus.Sent, Day(2026, 1, 12), NotificationChannel.TenantEmail),
        };
        await _outbox.EnqueueManyAsync([.. january, Message("call-reminder", "p1", OutboxStatus.Sent, Day(2026, 2, 20)), Message("call-new", "p4", OutboxStatus.Sent, Day(2026, 3, 2))], CancellationToken.None);

        var first = await _log.TotalsOfYearAsync(2026, CancellationToken.None);

        Assert.Equal(5, first.Total);
        Assert.Equal(3, first.AlertRecipients.Count); // p1 (twice), p3, p4; p2's alert failed
        Assert.Equal(["202601"], await KeptMonthsAsync()); // February and March are still the dispatcher's

        // January's rows go (as a retention purge would take them) while March gets a new send: the kept totals still
        // answer for January, March is read live.
        var outbox = await _tables.GetAsync(TableOutboxStore.TableName, CancellationToken.None);
        foreach (var m in january)
        {
            await outbox.DeleteEntityAsync("bretagne~202601", m.Id);
        }
        await _outbox.TryEnqueueAsync(Message("call-new", "p5", OutboxStatus.Sent, Day(2026, 3, 9)), CancellationToken.None);

        var second = await _log.TotalsOfYearAsync(2026, CancellationToken.None);

        Assert.Equal(6, second.Total);
        Assert.Equal(4, second.AlertRecipients.Count);
        var figures = AnnualReportCalculator.Alerts(second)!;
        Assert.Equal((5, 1, 3), (figures.Sent, figures.Failed, figures.CallAlertsSent));
        Assert.Equal(1, figures.ByChannel.Single(c => c.Channel == "TenantEmail").Sent);
    }

    [Fact]
    public async Task The_daily_job_closes_the_months_the_dispatcher_has_left_once_and_they_add_up_to_the_rows()
    {
        var sends = new List<OutboxMessage>();
        for (var i = 0; i < 40; i++)
        {
            sends.Add(Message(i % 4 == 0 ? "ticket-confirmation" : "call-new", $"p{i % 7}", i % 9 == 0 ? OutboxStatus.Failed : OutboxStatus.Sent, Day(2025, 11 + (i % 3) / 2, 1 + i % 28)));
            sends.Add(Message("call-reminder", $"p{i % 5}", OutboxStatus.Sent, Day(2026, 1 + i % 2, 1 + i % 28)));
        }
        await _outbox.EnqueueManyAsync(sends, CancellationToken.None);
        _clock.SetUtcNow(Day(2026, 4, 2)); // the dispatcher scans April and March

        Assert.Equal(TableSendLog.MonthsClosedBack, await _log.CloseMonthsAsync(CancellationToken.None)); // the first run after an upgrade
        Assert.Equal(0, await _log.CloseMonthsAsync(CancellationToken.None));
        Assert.Contains("202602", await KeptMonthsAsync());
        Assert.DoesNotContain("202603", await KeptMonthsAsync());

        _clock.SetUtcNow(Day(2026, 5, 1));
        Assert.Equal(1, await _log.CloseMonthsAsync(CancellationToken.None)); // March left the window overnight

        foreach (var year in new[] { 2025, 2026 })
        {
            var expected = AnnualReportCalculator.Alerts(SendTotals.Of(sends.Where(s => s.CreatedAt.Year == year)
                .Select(s => new SendRecord(s.Kind, s.Channel.ToString(), s.Status.ToString(), s.RecipientId, s.CreatedAt))))!;
            var kept = AnnualReportCalculator.Alerts(await _log.TotalsOfYearAsync(year, CancellationToken.None))!;
            Assert.Equal((expected.Planned, expected.Sent, expected.Failed, expected.CoordinatorsReached, expected.RemindersSent), (kept.Planned, kept.Sent, kept.Failed, kept.CoordinatorsReached, kept.RemindersSent));
            Assert.Equal(expected.ByChannel, kept.ByChannel);
            Assert.Equal(expected.ByKind, kept.ByKind);
        }
    }

    [Fact]
    public async Task Thousands_of_people_reached_in_a_month_are_kept_across_several_properties_and_counted_back_exactly()
    {
        var people = 4_321;
        await _outbox.EnqueueManyAsync(Enumerable.Range(0, people).Select(i => Message("call-new", $"p{i}", OutboxStatus.Sent, Day(2025, 6, 1 + i % 28))).ToList(), CancellationToken.None);

        Assert.Equal(people, (await _log.TotalsOfYearAsync(2025, CancellationToken.None)).AlertRecipients.Count); // computed, and kept
        var table = await _tables.GetAsync(TableSendLog.TotalsTableName, CancellationToken.None);
        var row = (await table.GetEntityAsync<TableEntity>("bretagne", "202506")).Value;
        Assert.NotNull(row.GetString("Reached2")); // 4,321 digests do not fit one 32K-character property

        var outbox = await _tables.GetAsync(TableOutboxStore.TableName, CancellationToken.None);
        await outbox.DeleteAsync(); // from here only the kept totals can answer
        var kept = await _log.TotalsOfYearAsync(2025, CancellationToken.None);

        Assert.Equal(people, kept.AlertRecipients.Count);
        Assert.Equal(people, kept.Total);
    }
}
