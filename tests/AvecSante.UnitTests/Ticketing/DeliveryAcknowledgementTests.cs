using System.Text;
using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Ticketing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Ticketing;

/// <summary>The acknowledgement (archive, read, queue) and the queue's claim rule, with storage mocked.</summary>
public sealed class DeliveryAcknowledgementTests
{
    private const string Submission = """{"submissionId":"sub-1","formSlug":"outil-a","attendees":[{"ticketId":"1","firstName":"Yann"}]}""";

    private readonly Mock<IRawPayloadArchive> _archive = new(MockBehavior.Strict);
    private readonly Mock<ITicketingInbox> _inbox = new(MockBehavior.Strict);
    private readonly Mock<IQueuedTicketingDeliveries> _queue = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TicketingDelivery> _queued = [];

    public DeliveryAcknowledgementTests() =>
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<TicketingDelivery>(), It.IsAny<CancellationToken>()))
            .Callback<TicketingDelivery, CancellationToken>((d, _) => _queued.Add(d))
            .Returns(Task.CompletedTask);

    /// <summary>A processor whose ticketing service fails the test if it is ever reached (strict mocks, no setup).</summary>
    private TicketingInboxProcessor Processor() => new(
        _archive.Object,
        _inbox.Object,
        _queue.Object,
        new TicketingService(new Mock<IEventRepository>(MockBehavior.Strict).Object, new Mock<ITicketStore>(MockBehavior.Strict).Object,
            new Mock<IOutboxStore>(MockBehavior.Strict).Object, new Mock<IAttendeeMatcher>(MockBehavior.Strict).Object,
            new TicketingSender("AVECsanté Bretagne"), _clock, NullLogger<TicketingService>.Instance),
        new Mock<IHelloAssoOrderSource>(MockBehavior.Strict).Object,
        _clock,
        NullLogger<TicketingInboxProcessor>.Instance);

    private void Archived(bool isNew) =>
        _archive.Setup(a => a.ArchiveOnceAsync(TicketSources.Webhook, It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(("bretagne/webhook/abc.json", "abc", isNew));

    [Fact]
    public async Task New_bytes_are_archived_and_queued_and_nothing_else_is_asked_of_storage()
    {
        Archived(isNew: true);

        var receipt = await Processor().AcknowledgeAsync(TicketSources.Webhook, Encoding.UTF8.GetBytes(Submission), duplicateIsReplay: true, CancellationToken.None);

        Assert.Equal(DeliveryResultKind.Queued, receipt.Kind);
        var queued = Assert.Single(_queued);
        Assert.Equal(receipt.InboxId, queued.InboxId);
        Assert.Equal(("bretagne/webhook/abc.json", "abc", TicketSources.Webhook), (queued.BlobName, queued.Sha256, queued.Source));
        _inbox.VerifyNoOtherCalls(); // the strict inbox was not touched: two calls, the archive and the queue
    }

    [Fact]
    public async Task A_repeat_whose_first_copy_is_claimed_is_refused_as_a_replay_without_queueing()
    {
        Archived(isNew: false);
        var (inboxId, _) = TicketingInboxProcessor.Read(TicketSources.Webhook, Encoding.UTF8.GetBytes(Submission));
        _inbox.Setup(i => i.GetAsync(inboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InboxRecord { Id = inboxId, Source = TicketSources.Webhook, BlobName = "b", ContentSha256 = "abc" });

        var receipt = await Processor().AcknowledgeAsync(TicketSources.Webhook, Encoding.UTF8.GetBytes(Submission), duplicateIsReplay: true, CancellationToken.None);

        Assert.Equal(DeliveryResultKind.Duplicate, receipt.Kind);
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task A_repeat_whose_first_copy_never_reached_the_queue_is_queued()
    {
        Archived(isNew: false);
        _inbox.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((InboxRecord?)null);

        var receipt = await Processor().AcknowledgeAsync(TicketSources.Webhook, Encoding.UTF8.GetBytes(Submission), duplicateIsReplay: true, CancellationToken.None);

        Assert.Equal(DeliveryResultKind.Queued, receipt.Kind);
        Assert.Single(_queued);
    }

    [Fact]
    public async Task Malformed_json_is_archived_but_never_queued()
    {
        Archived(isNew: true);

        await Assert.ThrowsAnyAsync<JsonException>(() =>
            Processor().AcknowledgeAsync(TicketSources.Webhook, Encoding.UTF8.GetBytes("{\"submissionId\":"), duplicateIsReplay: true, CancellationToken.None));

        _archive.Verify(a => a.ArchiveOnceAsync(TicketSources.Webhook, It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(_queued);
    }

    [Theory]
    [InlineData(false, 10, DeliveryResultKind.Duplicate)] // another copy's message owns the fresh claim
    [InlineData(true, 10, null)] // a retry of its own message processes it
    [InlineData(false, 31, null)] // past the grace, whoever comes finishes it
    public async Task A_pending_claim_is_processed_only_by_its_own_retry_or_after_the_grace(bool isRetry, int secondsSinceClaim, DeliveryResultKind? expected)
    {
        var body = Encoding.UTF8.GetBytes(Submission);
        var (inboxId, _) = TicketingInboxProcessor.Read(TicketSources.Webhook, body);
        var claimedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(secondsSinceClaim));
        _archive.Setup(a => a.ReadAsync("b", It.IsAny<CancellationToken>())).ReturnsAsync(body);
        _inbox.Setup(i => i.TryClaimAsync(It.IsAny<InboxRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _inbox.Setup(i => i.GetAsync(inboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new InboxRecord { Id = inboxId, Source = TicketSources.Webhook, BlobName = "b", ContentSha256 = "abc", ReceivedAt = claimedAt });
        var delivery = new TicketingDelivery(inboxId, TicketSources.Webhook, "b", "abc", claimedAt);

        var run = Processor().ProcessQueuedAsync(delivery, isRetry, CancellationToken.None);

        if (expected is { } kind)
        {
            Assert.Equal(kind, (await run).Kind);
        }
        else
        {
            // Processing starts: the strict event repository, reached for routing, throws; the queue would retry.
            await Assert.ThrowsAsync<MockException>(() => run);
        }
    }
}
