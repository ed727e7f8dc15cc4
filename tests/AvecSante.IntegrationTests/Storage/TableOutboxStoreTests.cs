using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace AvecSante.IntegrationTests.Storage;

/// <summary>The outbox against real Azurite: claims, ETags and due queries as Table storage really does them.</summary>
public sealed class TableOutboxStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly StorageOptions _storage = new() { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.NewPrefix() };
    private TableOutboxStore _outbox = null!;
    private TableStore _tables = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _tables = new TableStore(new TableServiceClient(_storage.ConnectionString), Microsoft.Extensions.Options.Options.Create(_storage));
        _outbox = new TableOutboxStore(_tables, Microsoft.Extensions.Options.Options.Create(new FederationOptions()), _clock);
    }

    public async Task DisposeAsync()
    {
        var table = await _tables.GetAsync(TableOutboxStore.TableName, CancellationToken.None);
        await table.DeleteAsync();
    }

    private OutboxMessage Message(string key) => new()
    {
        Id = OutboxMessage.IdFor(key),
        IdempotencyKey = key,
        Kind = "call-new",
        RecipientId = "p1",
        Email = new EmailContent("a@example.org", "A", "Sujet", "texte", "<p>html</p>"),
        CreatedAt = _clock.GetUtcNow(),
        NextAttemptAt = _clock.GetUtcNow(),
    };

    [Fact]
    public async Task The_same_send_is_planned_once_however_often_it_is_enqueued()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _outbox.TryEnqueueAsync(Message("p1|c1|call-new"), CancellationToken.None)));

        Assert.Single(results, added => added);
        Assert.Single(await _outbox.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Messages_about_one_subject_are_listed_without_the_others()
    {
        await _outbox.TryEnqueueAsync(Message("p1|c1|call-new") with { Subject = "c1" }, CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("p2|c1|call-new") with { Subject = "c1" }, CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("p1|c2|call-new") with { Subject = "c2" }, CancellationToken.None);

        var aboutC1 = await _outbox.ListForSubjectAsync("c1", CancellationToken.None);

        Assert.Equal(["p1|c1|call-new", "p2|c1|call-new"], aboutC1.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_claim_whose_message_was_lost_is_completed_by_the_next_enqueue()
    {
        var message = Message("p2|c1|call-new");
        var table = await _tables.GetAsync(TableOutboxStore.TableName, CancellationToken.None);
        // As if a run had stopped right after claiming the key.
        await table.AddEntityAsync(new TableEntity("bretagne~keys", message.Id) { ["MessagePartition"] = "bretagne~202611" });

        var added = await _outbox.TryEnqueueAsync(message, CancellationToken.None);

        Assert.False(added);
        Assert.Single(await _outbox.ListDueAsync(_clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_refused()
    {
        await _outbox.TryEnqueueAsync(Message("p3|c1|call-new"), CancellationToken.None);
        var read = (await _outbox.ListDueAsync(_clock.GetUtcNow(), CancellationToken.None)).Single();

        var first = await _outbox.TryUpdateAsync(read with { Status = OutboxStatus.Sending }, CancellationToken.None);
        var second = await _outbox.TryUpdateAsync(read with { Status = OutboxStatus.Sending }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(await _outbox.TryUpdateAsync(first with { Status = OutboxStatus.Sent }, CancellationToken.None));
    }

    [Fact]
    public async Task Only_pending_messages_that_are_due_and_expired_leases_are_listed_as_due()
    {
        var now = _clock.GetUtcNow();
        await _outbox.TryEnqueueAsync(Message("due"), CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("later") with { NextAttemptAt = now.AddMinutes(10) }, CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("sent") with { Status = OutboxStatus.Sent }, CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("lease-expired") with { Status = OutboxStatus.Sending, NextAttemptAt = now.AddMinutes(-1) }, CancellationToken.None);
        await _outbox.TryEnqueueAsync(Message("lease-held") with { Status = OutboxStatus.Sending, NextAttemptAt = now.AddMinutes(4) }, CancellationToken.None);

        var due = await _outbox.ListDueAsync(now, CancellationToken.None);

        Assert.Equal(["due", "lease-expired"], due.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
    }
}
