using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AvecSante.Api.Web;

/// <summary>
/// HMAC-SHA256 of the web layer (form tokens, session cookies), each use under its own purpose so a value signed for
/// one can never pass for another. The key is derived from the link-signing secret, so no new secret is needed.
/// </summary>
public sealed class WebSigner
{
    private readonly byte[] _key;

    public WebSigner(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _key = HMACSHA256.HashData(secret, "avecsante-web-layer"u8);
    }

    public string Sign(string purpose, string value)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(value);
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value)));
    }

    public bool Verify(string purpose, string value, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(purpose, value));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
