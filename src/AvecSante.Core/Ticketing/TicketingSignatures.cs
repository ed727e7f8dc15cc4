using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AvecSante.Core.Ticketing;

/// <summary>Authentication of ticketing deliveries. Every comparison is constant-time.</summary>
public static class TicketingSignatures
{
    public const string WebhookSignaturePrefix = "sha256=";
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>True when both strings are equal, in a time that does not depend on where they differ.</summary>
    public static bool SecretEquals(string? presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (string.IsNullOrEmpty(presented) || expected.Length == 0)
        {
            return false;
        }
        // Hashing first makes the comparison length-independent too.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>HelloAsso partner mode: x-ha-signature is the lowercase hex HMAC-SHA256 of the raw body.</summary>
    public static string HelloAssoSignature(ReadOnlySpan<byte> body, string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    public static bool IsValidHelloAssoSignature(ReadOnlySpan<byte> body, string? header, string key) =>
        TryHex(header?.Trim(), out var presented)
        && CryptographicOperations.FixedTimeEquals(presented, HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    /// <summary>Generic webhook: "sha256=" + hex HMAC-SHA256 of "{timestamp}.{raw body}".</summary>
    public static string WebhookSignature(string timestamp, ReadOnlySpan<byte> body, string key)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        return WebhookSignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Signed(timestamp, body)));
    }

    public enum WebhookCheck
    {
        Valid,
        MissingHeaders,
        StaleTimestamp,
        BadSignature,
    }

    public static WebhookCheck CheckWebhook(string? timestamp, string? signature, ReadOnlySpan<byte> body, string key, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return WebhookCheck.MissingHeaders;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > ReplayWindow)
        {
            return WebhookCheck.StaleTimestamp;
        }
        var hex = signature.Trim();
        if (!hex.StartsWith(WebhookSignaturePrefix, StringComparison.OrdinalIgnoreCase) || !TryHex(hex[WebhookSignaturePrefix.Length..], out var presented))
        {
            return WebhookCheck.BadSignature;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Signed(timestamp, body));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? WebhookCheck.Valid : WebhookCheck.BadSignature;
    }

    private static byte[] Signed(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }

    private static bool TryHex(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is not { Length: 64 })
        {
            return false;
        }
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
