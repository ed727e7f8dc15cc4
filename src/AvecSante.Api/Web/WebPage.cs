using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvecSante.Api.Web;

/// <summary>
/// How a handler answers with a page: a Razor component rendered on the server as a RazorComponentResult (no
/// interactivity, no script), with the headers every page carries. Works the same under both hosts because it is an
/// IResult executed by ASP.NET Core (the Functions host's ASP.NET Core integration executes it as the LocalHost does).
/// </summary>
public static class WebPage
{
    /// <summary>Nothing from elsewhere, no script, no framing, forms only to the app itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Render<TComponent>(IReadOnlyDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        new PageResult(new RazorComponentResult<TComponent>(parameters) { StatusCode = statusCode, PreventStreamingRendering = true });

    /// <summary>A page that only says something (refusal, expired link, not found, done), with the status it deserves.</summary>
    public static IResult Message(WebFrame frame, int statusCode, string title, string text, string? linkHref = null, string? linkText = null) =>
        Render<MessagePage>(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Frame)] = frame,
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Text)] = text,
            [nameof(MessagePage.LinkHref)] = linkHref,
            [nameof(MessagePage.LinkText)] = linkText,
        }, statusCode);

    /// <summary>Post/redirect/get: after a form that changed something, the browser is sent to a page it can reload.</summary>
    public static IResult SeeOther(string location) => new PageResult(Results.Redirect(location, permanent: false, preserveMethod: false), seeOther: true);

    private sealed class PageResult(IResult inner, bool seeOther = false) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (seeOther)
            {
                httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                headers.Location = ((RedirectHttpResult)inner).Url;
                return Task.CompletedTask;
            }
            return inner.ExecuteAsync(httpContext);
        }
    }
}
