using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Http;

/// <summary>
/// One log line per request, with the URL redacted (<see cref="SensitiveUrls"/>): it replaces ASP.NET Core's hosting
/// request log, which writes the raw URL (function keys, URL secrets, signed tokens) at Information.
/// </summary>
public sealed partial class RedactedRequestLogging(RequestDelegate next, ILogger<RedactedRequestLogging> logger)
{
    /// <summary>The category of ASP.NET Core's own request log, silenced below Warning by the composition root.</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var path = SensitiveUrls.Redact(context.Request.Path, context.Request.QueryString);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(context.Request.Method, path, context.Response.StatusCode, elapsed);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0} ms")]
    private partial void LogRequest(string method, string path, int statusCode, double elapsedMilliseconds);
}
