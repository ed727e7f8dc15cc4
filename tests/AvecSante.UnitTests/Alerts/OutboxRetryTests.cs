using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Alerts;

public sealed class OutboxRetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IMemberAuditTrail> _audit = new();

    private OutboxMessage Failed(string id) => new()
    {
        Id = id,
        IdempotencyKey = id + "|ticket-confirmation",
        Kind = "ticket-confirmation",
        RecipientId = "p1",
        Email = new EmailContent("a@example.org", "A", "Sujet", "texte", "<p>html</p>"),
        Status = OutboxStatus.Failed,
        Attempts = NotificationDispatcher.MaxAttempts,
        CreatedAt = _clock.GetUtcNow().AddDays(-1),
        NextAttemptAt = _clock.GetUtcNow().AddHours(-6),
        LastError = "SendGrid 503",
        Version = "v1",
    };

    private OutboxRetry Retry() => new(_outbox.Object, _audit.Object, _clock);

    [Fact]
    public async Task A_failed_send_goes_back_in_line_due_now_with_a_fresh_series_of_attempts_and_the_audit_names_who()
    {
        _outbox.Setup(o => o.ListAsync(OutboxStatus.Failed, It.IsAny<CancellationToken>())).ReturnsAsync([Failed("m1"), Failed("m2")]);
        OutboxMessage? written = null;
        _outbox.Setup(o => o.TryUpdateAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .Callback((OutboxMessage m, CancellationToken _) => written = m).ReturnsAsync((OutboxMessage m, CancellationToken _) => m with { Version = "v2" });

        Assert.Equal(RetryOutcome.Requeued, await Retry().RetryAsync("m2", "staff:camille.exemple@example.org", CancellationToken.None));

        Assert.Equal(("m2", OutboxStatus.Pending, 0, _clock.GetUtcNow(), "v1"), (written!.Id, written.Status, written.Attempts, written.NextAttemptAt, written.Version));
        _audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Actor == "staff:camille.exemple@example.org" && e.Action == OutboxRetry.AuditAction
            && e.EntityKind == OutboxRetry.AuditKind && e.EntityId == "m2"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_send_that_is_not_failed_any_more_or_changed_meanwhile_is_left_alone_and_not_audited()
    {
        _outbox.Setup(o => o.ListAsync(OutboxStatus.Failed, It.IsAny<CancellationToken>())).ReturnsAsync([Failed("m1")]);
        _outbox.Setup(o => o.TryUpdateAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync((OutboxMessage?)null);

        Assert.Equal(RetryOutcome.NotFailed, await Retry().RetryAsync("m9", "staff:x@example.org", CancellationToken.None));
        Assert.Equal(RetryOutcome.ChangedMeanwhile, await Retry().RetryAsync("m1", "staff:x@example.org", CancellationToken.None));

        _outbox.Verify(o => o.TryUpdateAsync(It.Is<OutboxMessage>(m => m.Id == "m9"), It.IsAny<CancellationToken>()), Times.Never);
        _audit.Verify(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Retrying_all_audits_only_the_sends_actually_put_back()
    {
        _outbox.Setup(o => o.ListAsync(OutboxStatus.Failed, It.IsAny<CancellationToken>())).ReturnsAsync([Failed("m1"), Failed("m2")]);
        _outbox.Setup(o => o.TryUpdateManyAsync(It.IsAny<IReadOnlyList<OutboxMessage>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<OutboxMessage> all, CancellationToken _) => [all[1] with { Version = "v2" }]); // m1 was taken by a dispatcher
        IReadOnlyList<AuditEntry>? entries = null;
        _audit.Setup(a => a.RecordAllAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<AuditEntry> e, CancellationToken _) => entries = e).Returns(Task.CompletedTask);

        Assert.Equal(1, await Retry().RetryAllAsync("staff:x@example.org", CancellationToken.None));
        Assert.Equal(["m2"], entries!.Select(e => e.EntityId));
    }
}
