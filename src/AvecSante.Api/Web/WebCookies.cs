using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Web;

/// <summary>
/// Every cookie of the pages: HttpOnly, SameSite, scoped to the app's routes, and Secure — except on plain http to a
/// loopback address (the LocalHost on a developer's machine), where a Secure cookie would never come back. A deployed
/// app is never reached by a browser on a loopback name, so there every cookie is Secure.
/// </summary>
public static class WebCookies
{
    public static void Set(HttpContext context, string name, string value, TimeSpan? lifetime = null, SameSiteMode sameSite = SameSiteMode.Lax)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(name, value, Options(context.Request, lifetime, sameSite));
    }

    public static string? Get(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    public static void Delete(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(name, Options(context.Request, null, SameSiteMode.Lax));
    }

    private static bool IsLoopbackHttp(HttpRequest request) =>
        !request.IsHttps && request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1";

    private static CookieOptions Options(HttpRequest request, TimeSpan? lifetime, SameSiteMode sameSite) => new()
    {
        HttpOnly = true,
        Secure = !IsLoopbackHttp(request),
        SameSite = sameSite,
        Path = WebRoutes.CookiePath,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
