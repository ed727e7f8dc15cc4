using System.Buffers.Text;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Web;

/// <summary>
/// Cross-site request forgery protection by signed double submit, the same under both hosts (no data-protection key
/// ring to share between instances): a random value in an HttpOnly SameSite cookie, and in every form the HMAC of that
/// value bound to who is signed in. A forged post has neither the cookie's value nor the key; a token taken from one
/// person's page is worthless for another. A browser that says the post is cross-site is refused whatever it carries.
/// </summary>
public sealed class CsrfTokens(WebSigner signer)
{
    public const string FieldName = "_csrf";

    public const string CookieName = "avs-csrf";

    private const string Purpose = "csrf";

    private const string ItemKey = "AvecSante.CsrfNonce";

    /// <summary>The token for the forms of this response, bound to <paramref name="binding"/> (the signed-in subject, or empty).</summary>
    public string TokenFor(HttpContext context, string binding)
    {
        ArgumentNullException.ThrowIfNull(context);
        return signer.Sign(Purpose, Nonce(context) + "|" + binding);
    }

    /// <summary>True when the posted form carries the token of this browser's cookie and this subject, from the app itself.</summary>
    public bool IsValid(HttpRequest request, IFormCollection form, string binding)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return WebCookies.Get(request, CookieName) is { } nonce && signer.Verify(Purpose, nonce + "|" + binding, form[FieldName].ToString());
    }

    private static string Nonce(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var issued) && issued is string fresh)
        {
            return fresh;
        }
        if (WebCookies.Get(context.Request, CookieName) is { Length: >= 22 } existing)
        {
            return existing;
        }
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        WebCookies.Set(context, CookieName, nonce);
        context.Items[ItemKey] = nonce;
        return nonce;
    }
}
