using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Ticketing;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Ticketing;

/// <summary>
/// HelloAsso API v5: OAuth2 client credentials (token cached until a minute before it expires), and the orders of a
/// form, page after page with the continuationToken the API returns; one order by id, to re-read a notification.
/// </summary>
public sealed class HelloAssoApiClient(HttpClient http, IOptions<TicketingOptions> options, TimeProvider clock) : IHelloAssoOrderSource, IDisposable
{
    /// <summary>How long the re-read of one order may take: the sender waits for its answer (a slow API leaves the record to the sweeper).</summary>
    public static readonly TimeSpan OrderReadTimeout = TimeSpan.FromSeconds(5);

    public const int PageSize = 100;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private (string Token, DateTimeOffset Until)? _token;

    private HelloAssoApiOptions Api => options.Value.HelloAsso.Api;

    public bool IsConfigured => Api.IsConfigured;

    /// <summary>Every order of the form, each as the JSON "data" of an Order notification.</summary>
    public async IAsyncEnumerable<JsonElement> ListOrdersAsync(string formSlug, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        for (var page = 0; page < 10_000; page++)
        {
            var path = $"v5/organizations/{Uri.EscapeDataString(Api.OrganizationSlug!)}/forms/{Uri.EscapeDataString(Api.FormType)}/{Uri.EscapeDataString(formSlug)}/orders?pageSize={PageSize}&withDetails=true"
                + (continuation is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuation));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Api.BaseUrl, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                _token = null; // revoked or expired early: the next run asks for a new one
            }
            response.EnsureSuccessStatusCode();
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var orders = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().Select(o => o.Clone()).ToList() : [];
            foreach (var order in orders)
            {
                yield return order;
            }
            var next = root.TryGetProperty("pagination", out var pagination) && pagination.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
            // The API returns a token even on the last page: an empty page (or the same token) ends the listing.
            if (orders.Count == 0 || string.IsNullOrEmpty(next) || next == continuation)
            {
                yield break;
            }
            continuation = next;
        }
    }

    /// <summary>GET /v5/orders/{orderId}: the order (as an Order notification's data), or null on 404.</summary>
    /// <exception cref="HttpRequestException">Unreachable, 429, 5xx or another unexpected status.</exception>
    public async Task<JsonElement?> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OrderReadTimeout);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Api.BaseUrl, $"v5/orders/{Uri.EscapeDataString(orderId)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(timeout.Token).ConfigureAwait(false));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                _token = null; // revoked or expired early: one more try with a new token
                if (attempt == 0)
                {
                    continue;
                }
            }
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.Until > clock.GetUtcNow())
        {
            return cached.Token;
        }
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } again && again.Until > clock.GetUtcNow())
            {
                return again.Token;
            }
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Api.ClientId!,
                ["client_secret"] = Api.ClientSecret!,
            });
            using var response = await http.PostAsync(new Uri(Api.BaseUrl, "oauth2/token"), form, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            var token = body.GetProperty("access_token").GetString()!;
            var lifetime = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 1800;
            _token = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 60)));
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    public void Dispose() => _tokenLock.Dispose();
}
