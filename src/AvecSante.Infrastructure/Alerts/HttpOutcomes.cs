using System.Globalization;
using AvecSante.Core.Alerts;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>One reading of HTTP answers for every channel: 429, 408 and 5xx come back later; the rest of 4xx stops.</summary>
internal static class HttpOutcomes
{
    public static DeliveryResult From(int status, string error, TimeSpan? retryAfter) =>
        status is 429 or 408 or >= 500
            ? new DeliveryResult(DeliveryOutcome.Transient, error, retryAfter)
            : new DeliveryResult(DeliveryOutcome.Permanent, error);

    /// <summary>Retry-After (seconds or an HTTP date), else X-RateLimit-Reset (a Unix time).</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header("Retry-After") is { Length: > 0 } retryAfter)
        {
            if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date - now;
            }
        }
        return header("X-RateLimit-Reset") is { } reset && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix) - now
            : null;
    }

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
