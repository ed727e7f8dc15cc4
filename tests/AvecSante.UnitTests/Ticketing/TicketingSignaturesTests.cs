using System.Text;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class TicketingSignaturesTests
{
    private const string Key = "test-signing-key-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"submissionId":"s-1"}""");

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_helloasso_signature_over_the_raw_body_is_accepted()
    {
        var body = SampleFiles.HelloAsso("order-event-nantralplatform-redacted.json");
        var signature = TicketingSignatures.HelloAssoSignature(body, Key);

        Assert.True(TicketingSignatures.IsValidHelloAssoSignature(body, signature, Key));
        Assert.Equal(64, signature.Length);
        Assert.Equal(signature.ToLowerInvariant(), signature);
    }

    [Fact]
    public void A_forged_or_missing_helloasso_signature_is_refused()
    {
        var body = SampleFiles.HelloAsso("order-event-nantralplatform-redacted.json");
        var forged = TicketingSignatures.HelloAssoSignature(body, "another-key-0123456789");

        Assert.False(TicketingSignatures.IsValidHelloAssoSignature(body, forged, Key));
        Assert.False(TicketingSignatures.IsValidHelloAssoSignature(body, null, Key));
        Assert.False(TicketingSignatures.IsValidHelloAssoSignature(body, "not-hex", Key));
    }

    [Fact]
    public void A_helloasso_signature_of_another_body_is_refused()
    {
        var body = SampleFiles.HelloAsso("order-event-nantralplatform-redacted.json");
        var signature = TicketingSignatures.HelloAssoSignature(body, Key);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"amount\": 100", "\"amount\": 1", StringComparison.Ordinal));

        Assert.False(TicketingSignatures.IsValidHelloAssoSignature(tampered, signature, Key));
    }

    [Fact]
    public void A_webhook_signed_now_over_timestamp_and_body_is_valid()
    {
        var timestamp = Timestamp(Now);
        var signature = TicketingSignatures.WebhookSignature(timestamp, Body, Key);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Equal(TicketingSignatures.WebhookCheck.Valid, TicketingSignatures.CheckWebhook(timestamp, signature, Body, Key, Now.AddMinutes(4)));
    }

    [Fact]
    public void A_webhook_older_than_five_minutes_is_refused_as_stale()
    {
        var timestamp = Timestamp(Now);
        var signature = TicketingSignatures.WebhookSignature(timestamp, Body, Key);

        Assert.Equal(TicketingSignatures.WebhookCheck.StaleTimestamp, TicketingSignatures.CheckWebhook(timestamp, signature, Body, Key, Now.AddMinutes(6)));
        Assert.Equal(TicketingSignatures.WebhookCheck.StaleTimestamp, TicketingSignatures.CheckWebhook("yesterday", signature, Body, Key, Now));
    }

    [Fact]
    public void A_webhook_with_a_moved_timestamp_or_a_changed_body_is_refused()
    {
        var timestamp = Timestamp(Now);
        var signature = TicketingSignatures.WebhookSignature(timestamp, Body, Key);

        Assert.Equal(TicketingSignatures.WebhookCheck.BadSignature, TicketingSignatures.CheckWebhook(Timestamp(Now.AddSeconds(1)), signature, Body, Key, Now));
        Assert.Equal(TicketingSignatures.WebhookCheck.BadSignature, TicketingSignatures.CheckWebhook(timestamp, signature, Encoding.UTF8.GetBytes("{}"), Key, Now));
        Assert.Equal(TicketingSignatures.WebhookCheck.BadSignature, TicketingSignatures.CheckWebhook(timestamp, signature[7..], Body, Key, Now));
        Assert.Equal(TicketingSignatures.WebhookCheck.MissingHeaders, TicketingSignatures.CheckWebhook(null, signature, Body, Key, Now));
    }

    [Fact]
    public void The_url_secret_matches_only_exactly()
    {
        Assert.True(TicketingSignatures.SecretEquals("s3cret-url-0123456789", "s3cret-url-0123456789"));
        Assert.False(TicketingSignatures.SecretEquals("s3cret-url-012345678", "s3cret-url-0123456789"));
        Assert.False(TicketingSignatures.SecretEquals(string.Empty, "s3cret-url-0123456789"));
        Assert.False(TicketingSignatures.SecretEquals(null, "s3cret-url-0123456789"));
    }
}
