using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AvecSante.Core.Alerts;

public enum LinkPurpose
{
    Preferences,
    Unsubscribe,

    /// <summary>The coordinators' space sign-in link: short-lived, and single-use by a claim its redeemer keeps.</summary>
    SpaceSignIn,
}

public enum LinkProblem
{
    None,
    Malformed,
    Forged,
    Expired,

    /// <summary>Signed and unexpired, but issued before the person's link version was bumped (<see cref="RevocableLinks"/>).</summary>
    Revoked,
}

/// <summary>What a token says once checked; <paramref name="IssuedAt"/> is null for tokens minted before it was signed in.</summary>
public sealed record LinkCheck(string? PersonId, LinkProblem Problem, DateTimeOffset? IssuedAt = null)
{
    public bool IsValid => Problem == LinkProblem.None && PersonId is not null;
}

/// <summary>
/// Where links in emails point, and how long they work: <paramref name="Validity"/> for links that act for the person
/// (preferences), <paramref name="UnsubscribeValidity"/> for one-click unsubscribe links, which only ever stop alerts
/// and must keep working from older emails.
/// </summary>
public sealed record LinkSettings(byte[] SigningKey, Uri PublicBaseUrl, TimeSpan Validity, TimeSpan? UnsubscribeValidity = null);

/// <summary>
/// Links in emails that act for one person without a password: "{payload}.{signature}", both base64url. The payload
/// binds purpose, person id and expiry; the signature is HMAC-SHA256 with the key from settings, compared in constant
/// time. Changing any byte (another person's id, a later expiry) breaks the signature.
/// </summary>
public sealed class SignedLinks(LinkSettings settings, TimeProvider clock)
{
    /// <param name="validity">How long the link works; null: the settings' validity (the links of alerts).</param>
    public string CreateToken(string personId, LinkPurpose purpose, TimeSpan? validity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var now = clock.GetUtcNow();
        var lifetime = validity ?? (purpose == LinkPurpose.Unsubscribe ? settings.UnsubscribeValidity ?? settings.Validity : settings.Validity);
        var expires = (now + lifetime).ToUnixTimeSeconds();
        // The issue time (ms) lets a person's link version void every link issued before it was bumped.
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Code(purpose), personId, expires.ToString(CultureInfo.InvariantCulture),
            now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        return Base64Url(payload) + "." + Base64Url(Sign(payload));
    }

    /// <summary>Where the app is reached from a mail client (ends with '/').</summary>
    public Uri PublicBaseUrl => settings.PublicBaseUrl;

    public Uri PreferencesUrl(string personId) => new(settings.PublicBaseUrl, "api/preferences/" + CreateToken(personId, LinkPurpose.Preferences));

    public Uri UnsubscribeUrl(string personId) => new(settings.PublicBaseUrl, "api/unsubscribe/" + CreateToken(personId, LinkPurpose.Unsubscribe));

    public LinkCheck Verify(string? token, LinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return new(null, LinkProblem.Malformed);
        }
        byte[] payload, signature;
        try
        {
            payload = FromBase64Url(payloadPart);
            signature = FromBase64Url(signaturePart);
        }
        catch (FormatException)
        {
            return new(null, LinkProblem.Malformed);
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
        {
            return new(null, LinkProblem.Forged);
        }
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length is not (3 or 4)
            || fields[0] != Code(purpose)
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return new(null, LinkProblem.Forged);
        }
        var personId = fields[1];
        DateTimeOffset? issuedAt = fields.Length == 4 && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return DateTimeOffset.FromUnixTimeSeconds(expiresAt) < clock.GetUtcNow()
            ? new(personId, LinkProblem.Expired, issuedAt)
            : new(personId, LinkProblem.None, issuedAt);
    }

    // Purposes are signed too, so an unsubscribe token cannot open the preferences page and the other way round.
    private static string Code(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Preferences => "p",
        LinkPurpose.SpaceSignIn => "s",
        _ => "u",
    };

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(settings.SigningKey, payload);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
