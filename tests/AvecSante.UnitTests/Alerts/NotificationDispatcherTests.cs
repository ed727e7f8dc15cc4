using AvecSante.Core.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Alerts;

public sealed class NotificationDispatcherTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IEmailSender> _email = new();
    private readonly List<OutboxMessage> _updates = [];

    public NotificationDispatcherTests()
    {
        _outbox.Setup(o => o.ListDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync([Message()]);
        _outbox.Setup(o => o.TryUpdateAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutboxMessage m, CancellationToken _) =>
            {
                _updates.Add(m);
                return m with { Version = "v" + _updates.Count };
            });
    }

    private OutboxMessage Message() => new()
    {
        Id = "m1",
        IdempotencyKey = "p1|c1|call-new",
        Kind = "call-new",
        RecipientId = "p1",
        Email = new EmailContent("a@example.org", "A", "Sujet", "texte", "<p>html</p>"),
        CreatedAt = _clock.GetUtcNow(),
        NextAttemptAt = _clock.GetUtcNow(),
        Version = "v0",
    };

    private NotificationDispatcher Dispatcher() => new(_outbox.Object, _email.Object, _clock, NullLogger<NotificationDispatcher>.Instance);

    [Fact]
    public async Task A_delivered_message_is_leased_first_then_marked_sent()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(DeliveryResult.Delivered);

        var summary = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new DispatchSummary(1, 0, 0, 0), summary);
        Assert.Equal([OutboxStatus.Sending, OutboxStatus.Sent], _updates.Select(u => u.Status));
        Assert.Equal("v1", _updates[1].Version); // the final write carries the lease's new ETag
    }

    [Fact]
    public async Task A_rate_limited_message_waits_at_least_as_long_as_the_server_asked()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult(DeliveryOutcome.Transient, "SendGrid 429", TimeSpan.FromMinutes(10)));

        var summary = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, summary.Retrying);
        var last = _updates[^1];
        Assert.Equal(OutboxStatus.Pending, last.Status);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(10), last.NextAttemptAt);
        Assert.Equal(1, last.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        _email.Setup(e => e.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryResult(DeliveryOutcome.Permanent, "SendGrid 400: bad address"));

        var summary = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, summary.Failed);
        Assert.Equal(OutboxStatus.Failed, _updates[^1].Status);
        Assert.Equal("SendGrid 400: bad address", _updates[^1].LastError);
    }

    [Fact]
    public async Task A_message_another_dispatcher_leased_first_is_not_sent()
    {
        _outbox.Setup(o => o.TryUpdateAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync((OutboxMessage?)null);

        var summary = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, summary.Skipped);
        _email.Verify(e => e.SendAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(30, 360)]
    public void Backoff_doubles_from_one_minute_up_to_six_hours(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), NotificationDispatcher.RetryDelay(attempts, null));
    }
}
