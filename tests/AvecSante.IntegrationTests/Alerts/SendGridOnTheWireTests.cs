using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AvecSante.IntegrationTests.Alerts;

/// <summary>The official SendGrid client, pointed at a local WireMock server that records and checks the request.</summary>
public sealed class SendGridOnTheWireTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private SendGridEmailSender Sender() => new(_http, Microsoft.Extensions.Options.Options.Create(new EmailOptions
    {
        FromAddress = "alertes@example.org",
        FromName = "AVECsanté Bretagne",
        SendGrid = new SendGridOptions { ApiKey = "SG.test-key", BaseUrl = new Uri(_server.Url!) },
    }), _clock);

    private OutboxMessage Message() => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        IdempotencyKey = "p1|c1|call-new",
        Kind = "call-new",
        RecipientId = "p1",
        Email = new EmailContent("maelle.legall@example.org", "Maëlle Le Gall", "Nouvel appel (CPAM 29) : Prévention", "Bonjour Maëlle,", "<h1>Prévention</h1>"),
        CreatedAt = _clock.GetUtcNow(),
        NextAttemptAt = _clock.GetUtcNow(),
    };

    [Fact]
    public async Task The_request_carries_sender_recipient_subject_and_both_parts()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("Bearer SG.test-key", request.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal("alertes@example.org", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("AVECsanté Bretagne", root.GetProperty("from").GetProperty("name").GetString());
        var to = root.GetProperty("personalizations")[0].GetProperty("to")[0];
        Assert.Equal("maelle.legall@example.org", to.GetProperty("email").GetString());
        Assert.Equal("Nouvel appel (CPAM 29) : Prévention", root.GetProperty("subject").GetString());
        var parts = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal("Bonjour Maëlle,", parts["text/plain"]);
        Assert.Equal("<h1>Prévention</h1>", parts["text/html"]);
        Assert.Equal("call-new", root.GetProperty("categories")[0].GetString());
    }

    [Fact]
    public async Task A_429_is_transient_and_carries_the_servers_Retry_After()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task A_400_is_permanent_and_keeps_the_servers_reason()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"errors\":[{\"message\":\"Invalid email\"}]}"));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("Invalid email", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_then_accepted_sends_exactly_once_and_a_400_is_never_retried()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("limit").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30"));
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("limit").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(202));
        var stored = Message();
        var outbox = new Mock<IOutboxStore>();
        outbox.Setup(o => o.ListDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => stored.Status == OutboxStatus.Pending && stored.NextAttemptAt <= _clock.GetUtcNow() ? [stored] : []);
        outbox.Setup(o => o.TryUpdateAsync(It.IsAny<OutboxMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutboxMessage m, CancellationToken _) => stored = m);
        var dispatcher = new NotificationDispatcher(outbox.Object, Sender(), _clock, NullLogger<NotificationDispatcher>.Instance);

        await dispatcher.DispatchDueAsync(CancellationToken.None); // 429
        await dispatcher.DispatchDueAsync(CancellationToken.None); // not due yet: nothing sent
        _clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None); // 202
        await dispatcher.DispatchDueAsync(CancellationToken.None); // already sent: nothing

        Assert.Equal(2, _server.LogEntries.Count);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal(2, stored.Attempts);
    }
}
