using System.Buffers.Text;
using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Web;

/// <summary>
/// A signed, expiring session cookie: "subject.expiry.signature", the subject base64url-encoded, signed for one purpose
/// (the console's development sign-in). Nothing is stored server side; ending a session deletes the cookie, and a
/// cookie past its expiry or signed for another purpose reads as nobody. The space keeps its sessions server-side
/// instead (SpaceSignIn), so that erasing a person ends them.
/// </summary>
public sealed class WebSessions(WebSigner signer, TimeProvider clock)
{
    public void Start(HttpContext context, string cookieName, string purpose, string subject, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(subject)) + "." + expires;
        WebCookies.Set(context, cookieName, payload + "." + signer.Sign(purpose, payload), lifetime);
    }

    /// <summary>The subject of a valid session, or null.</summary>
    public string? Read(HttpRequest request, string cookieName, string purpose)
    {
        if (WebCookies.Get(request, cookieName) is not { } value)
        {
            return null;
        }
        var parts = value.Split('.');
        if (parts.Length != 3 || !signer.Verify(purpose, parts[0] + "." + parts[1], parts[2]))
        {
            return null;
        }
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static void End(HttpContext context, string cookieName) => WebCookies.Delete(context, cookieName);
}
