using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AvecSante.Core.Common;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>A page as fetched: its text, or nothing when the server said it has not changed (304).</summary>
public sealed record FetchedPage(Uri Url, string? Content, string? MediaType)
{
    public bool NotModified => Content is null;
}

/// <summary>An answer larger than the configured cap: the source is not read.</summary>
public sealed class ResponseTooLargeException(int max) : IOException($"The answer is larger than {max} bytes.");

/// <summary>
/// HTTP as a well-behaved reader of public sites: a User-Agent naming the federation, a time-out, at most one request
/// per host per interval, and conditional GETs (ETag / Last-Modified remembered in Table storage) so an unchanged page
/// costs the site almost nothing.
/// </summary>
public sealed class PoliteHttp(HttpClient http, IOptions<CallsOptions> options, TableStore tables, IOptions<FederationOptions> federation, TimeProvider clock)
{
    public const string ValidatorsTable = "HttpValidators";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> HostGates = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, DateTimeOffset> LastRequestAt = new(StringComparer.OrdinalIgnoreCase);

    private const int MaxRedirects = 5;

    public Task<FetchedPage> GetAsync(Uri url, SourceHosts hosts, CancellationToken cancellationToken) => GetAsync(url, hosts, conditional: true, cancellationToken);

    /// <summary>
    /// GETs a page of the source. Redirects are followed here (at most five), each new address checked against the
    /// source's hosts; the answer is read up to <see cref="CallsOptions.MaxResponseBytes"/> after decompression.
    /// </summary>
    public async Task<FetchedPage> GetAsync(Uri url, SourceHosts hosts, bool conditional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(hosts);
        var table = await tables.GetAsync(ValidatorsTable, cancellationToken).ConfigureAwait(false);
        var partition = federation.Value.Id + "~http";
        var row = StableKeys.Digest(url.AbsoluteUri);
        var validators = conditional
            ? await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var target = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            AddValidators(request, validators);
            using var response = await SendPolitelyAsync(request, hosts, timeout.Token, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (redirects >= MaxRedirects)
                {
                    throw new HttpRequestException($"GET {url} redirected more than {MaxRedirects} times.");
                }
                target = location.IsAbsoluteUri ? location : new Uri(target, location);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchedPage(url, null, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {target} answered {(int)response.StatusCode}", null, response.StatusCode);
            }
            var content = Decode(await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false), response.Content.Headers.ContentType?.CharSet);
            if (conditional && (response.Headers.ETag is not null || response.Content.Headers.LastModified is not null))
            {
                await table.UpsertEntityAsync(new TableEntity(partition, row)
                {
                    ["Url"] = url.AbsoluteUri,
                    ["ETag"] = response.Headers.ETag?.ToString(),
                    ["LastModified"] = response.Content.Headers.LastModified,
                }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            return new FetchedPage(url, content, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The body, refused past the size cap (declared or counted while reading the decompressed stream).</summary>
    public async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var max = options.Value.MaxResponseBytes;
        if (content.Headers.ContentLength > max)
        {
            throw new ResponseTooLargeException(max);
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new ResponseTooLargeException(max); // stops a decompression bomb at the cap
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void AddValidators(HttpRequestMessage request, NullableResponse<TableEntity>? validators)
    {
        if (validators is not { HasValue: true })
        {
            return;
        }
        if (validators.Value!.GetString("ETag") is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var parsed))
        {
            request.Headers.IfNoneMatch.Add(parsed);
        }
        if (validators.Value.GetDateTimeOffset("LastModified") is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Text in the charset the server declared, a byte-order mark winning, UTF-8 otherwise.</summary>
    private static string Decode(byte[] bytes, string? charset)
    {
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrWhiteSpace(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }
        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Sends any request through the per-host gate (used for API calls too).</summary>
    /// <remarks>
    /// The address must be one of the source's hosts; a redirect is returned as it is, never followed.
    /// </remarks>
    public async Task<HttpResponseMessage> SendPolitelyAsync(HttpRequestMessage request, SourceHosts hosts, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hosts);
        if (!hosts.Allows(request.RequestUri))
        {
            throw new RefusedDestinationException($"{request.RequestUri?.GetLeftPart(UriPartial.Authority)} is not a host of this source.");
        }
        var host = request.RequestUri!.Authority;
        var gate = HostGates.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var interval = TimeSpan.FromMilliseconds(options.Value.MinMillisecondsBetweenRequests);
            // Never longer than one interval, even when the last request's instant is ahead of this clock.
            var wait = LastRequestAt.TryGetValue(host, out var last) ? TimeSpan.FromTicks(Math.Min((interval - (clock.GetUtcNow() - last)).Ticks, interval.Ticks)) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
            LastRequestAt[host] = clock.GetUtcNow();
            if (request.Headers.UserAgent.Count == 0)
            {
                request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
            }
            try
            {
                return await http.SendAsync(request, requestToken).ConfigureAwait(false);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{request.RequestUri} did not answer within {options.Value.TimeoutSeconds} s.");
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
