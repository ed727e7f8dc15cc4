using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AvecSante.Api.Web;

/// <summary>Serves the one stylesheet from the assembly (both hosts, no static-files middleware), revalidated by ETag.</summary>
public sealed class WebAssetsHandler
{
    private readonly Lazy<(byte[] Content, string ETag)> _stylesheet = new(Load);

    public Task<IResult> StylesheetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (content, etag) = _stylesheet.Value;
        var headers = request.HttpContext.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (request.Headers.IfNoneMatch.ToString() == etag)
        {
            return Task.FromResult(Results.StatusCode(StatusCodes.Status304NotModified));
        }
        return Task.FromResult(Results.Bytes(content, "text/css; charset=utf-8"));
    }

    private static (byte[], string) Load()
    {
        using var stream = typeof(WebAssetsHandler).Assembly.GetManifestResourceStream("AvecSante.Api.Web.site.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in AvecSante.Api.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return (content, new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"").ToString());
    }
}
