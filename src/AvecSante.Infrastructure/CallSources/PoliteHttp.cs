using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using AvecSante.Core.Common;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.CallSources;

/// <summary>A page as fetched: its text, or nothing when the server said it has not changed (304).</summary>
public sealed record FetchedPage(Uri Url, string? Content, string? MediaType)
{
    public bool NotModified => Content is null;
}

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

    public Task<FetchedPage> GetAsync(Uri url, CancellationToken cancellationToken) => GetAsync(url, conditional: true, configure: null, cancellationToken);

    public async Task<FetchedPage> GetAsync(Uri url, bool conditional, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var table = await tables.GetAsync(ValidatorsTable, cancellationToken).ConfigureAwait(false);
        var partition = federation.Value.Id + "~http";
        var row = StableKeys.Digest(url.AbsoluteUri);
        var validators = conditional
            ? await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
        if (validators is { HasValue: true })
        {
            if (validators.Value!.GetString("ETag") is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var parsed))
            {
                request.Headers.IfNoneMatch.Add(parsed);
            }
            if (validators.Value.GetDateTimeOffset("LastModified") is { } lastModified)
            {
                request.Headers.IfModifiedSince = lastModified;
            }
        }
        configure?.Invoke(request);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var response = await SendPolitelyAsync(request, timeout.Token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchedPage(url, null, null);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}", null, response.StatusCode);
        }
        var content = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
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

    /// <summary>Sends any request through the per-host gate (used for API calls too).</summary>
    public async Task<HttpResponseMessage> SendPolitelyAsync(HttpRequestMessage request, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri!.Authority;
        var gate = HostGates.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var interval = TimeSpan.FromMilliseconds(options.Value.MinMillisecondsBetweenRequests);
            if (LastRequestAt.TryGetValue(host, out var last) && clock.GetUtcNow() - last < interval)
            {
                await Task.Delay(interval - (clock.GetUtcNow() - last), clock, cancellationToken).ConfigureAwait(false);
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
