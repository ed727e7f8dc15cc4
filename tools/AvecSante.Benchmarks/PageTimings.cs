using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.Benchmarks;

/// <summary>Times one page's handler as the hosts run it (a scope per request, a signed-in cookie) and prints p50/p95/max.</summary>
internal static class PageTimings
{
    public static async Task MeasureAsync(string name, int requests, IServiceProvider provider, string host, string cookie, string path, string query, Func<HttpRequest, Task<IResult>> handler)
    {
        var times = new List<double>(requests);
        long bytes = 0;
        double first = 0;
        for (var i = 0; i < requests + 5; i++)
        {
            // One scope per request, as the hosts give each request its own (the renderer is scoped).
            await using var scope = provider.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Method = "GET";
            context.Request.Scheme = "https";
            context.Request.Host = new HostString(host);
            context.Request.Path = path;
            context.Request.QueryString = new QueryString(query);
            context.Request.Headers.Cookie = cookie;
            using var body = new MemoryStream();
            context.Response.Body = body;
            var watch = Stopwatch.StartNew();
            await (await handler(context.Request)).ExecuteAsync(context);
            watch.Stop();
            if (context.Response.StatusCode != 200)
            {
                throw new InvalidOperationException($"{name}: {context.Response.StatusCode}");
            }
            if (i == 0)
            {
                first = watch.Elapsed.TotalMilliseconds;
            }
            if (i >= 5)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-30} p50 {At(0.5),7:F1} ms   p95 {At(0.95),7:F1} ms   max {times[^1],7:F1} ms   first {first,7:F1} ms   page {bytes / 1024.0,6:F0} KiB   ({requests} requests)"));
    }
}
