using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AvecSante.Core.Calls.Ingestion;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// The State's aggregator of aids. The API key is exchanged for a token valid 24 hours (POST /api/connexion/ with
/// X-AUTH-TOKEN), cached; the search (GET /api/aids/?{Query}) is followed page by page through "next". Aids updated
/// since the last successful run (minus a day of margin) are kept, so a missed run drops nothing.
/// </summary>
public sealed class AidesTerritoiresCallSource(string name, CallSourceOptions options, PoliteHttp http, TimeProvider clock) : ICallSource
{
    private const int MaxPages = 50;
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(23); // valid 24 h: renew before it lapses
    private string? _token;
    private DateTimeOffset _tokenExpiresAt;

    public string Name => name;

    public string Kind => nameof(CallSourceKind.AidesTerritoires);

    public async Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var baseUrl = options.Url ?? new Uri("https://aides-territoires.beta.gouv.fr/");
        // The token goes to the API's own host only, whatever "next" the API answers.
        var hosts = new SourceHosts(baseUrl, allowedHosts: null);
        var startedAt = clock.GetUtcNow();
        string? warning = null;
        DateTimeOffset? since = DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c) ? c.AddDays(-1) : null;
        var token = await TokenAsync(baseUrl, hosts, cancellationToken).ConfigureAwait(false);

        var candidates = new List<CallCandidate>();
        var rejected = 0;
        Uri? next = new(baseUrl, "api/aids/" + (string.IsNullOrWhiteSpace(options.Query) ? string.Empty : "?" + options.Query.TrimStart('?')));
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendPolitelyAsync(request, hosts, cancellationToken, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"aides-territoires answered {(int)response.StatusCode}", null, response.StatusCode);
            }
            using var json = JsonDocument.Parse(await http.ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("aides-territoires answered without a \"results\" list.");
            }
            foreach (var aid in results.EnumerateArray())
            {
                if (since is { } s && Updated(aid) is { } updated && updated < s)
                {
                    continue; // seen by an earlier successful run
                }
                if (aid.TryGetProperty("is_call_for_project", out var isCall) && isCall.ValueKind == JsonValueKind.False)
                {
                    rejected++;
                    continue;
                }
                candidates.Add(ToCandidate(aid, baseUrl));
            }
            next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && Uri.TryCreate(baseUrl, n.GetString(), out var nextUrl) ? nextUrl : null;
            if (next is not null && (!hosts.Allows(next) || next.Scheme != baseUrl.Scheme))
            {
                warning = "La page suivante des résultats pointait hors de l'API d'aides-territoires : elle n'a pas été lue.";
                next = null;
            }
        }
        return new SourceBatch(candidates, startedAt.ToString("O", CultureInfo.InvariantCulture), rejected, warning);
    }

    private async Task<string> TokenAsync(Uri baseUrl, SourceHosts hosts, CancellationToken cancellationToken)
    {
        if (_token is not null && clock.GetUtcNow() < _tokenExpiresAt)
        {
            return _token;
        }
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:ApiKey' is missing.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/connexion/"));
        request.Headers.Add("X-AUTH-TOKEN", options.ApiKey);
        using var response = await http.SendPolitelyAsync(request, hosts, cancellationToken, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"aides-territoires refused the API key ({(int)response.StatusCode})", null, response.StatusCode);
        }
        var body = JsonSerializer.Deserialize<JsonElement>(await http.ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false));
        _token = body.TryGetProperty("token", out var t) && t.GetString() is { Length: > 0 } value
            ? value
            : throw new FormatException("aides-territoires answered the key exchange without a token.");
        _tokenExpiresAt = clock.GetUtcNow() + TokenLifetime;
        return _token;
    }

    /// <summary>
    /// Writes the aid in the layout the normaliser reads for scraped pages (TITRE / URL / DATE_LIMITE headers, then
    /// the HTML), so the structured deadline is checked against the text like any other source's.
    /// </summary>
    private CallCandidate ToCandidate(JsonElement aid, Uri baseUrl)
    {
        var title = String(aid, "name") ?? String(aid, "name_initial") ?? "(sans titre)";
        var url = Url(String(aid, "origin_url")) ?? Url(String(aid, "application_url")) ?? (String(aid, "url") is { } relative ? new Uri(baseUrl, relative) : null);
        var deadline = String(aid, "submission_deadline") is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var financers = List(aid, "financers");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"TITRE: {title}")
            .AppendLine(CultureInfo.InvariantCulture, $"URL: {url}");
        if (deadline is { } dl)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"DATE_LIMITE: {dl:yyyy-MM-dd}");
        }
        text.AppendLine("--- SOURCE HTML ---")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>Porteurs : {string.Join(", ", financers)}</p>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>Bénéficiaires : {string.Join(", ", List(aid, "targeted_audiences"))}</p>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>Thématiques : {string.Join(", ", List(aid, "categories"))}</p>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>Territoire : {String(aid, "perimeter")}</p>")
            .AppendLine(String(aid, "description") ?? string.Empty)
            .AppendLine(String(aid, "eligibility") ?? string.Empty);
        if (String(aid, "recurrence") is "Permanente")
        {
            text.AppendLine("<p>Aide permanente : dépôt au fil de l'eau.</p>");
        }
        return new CallCandidate
        {
            Source = name,
            Text = text.ToString(),
            Title = title,
            Url = url,
            StructuredDeadline = deadline,
            PublishedOn = Updated(aid) is { } created ? DateOnly.FromDateTime(created.UtcDateTime) : null,
            FunderHint = financers.FirstOrDefault() ?? options.Funder,
            Trust = options.Trust ?? Core.Calls.SourceTrustLevel.Aggregator,
        };
    }

    private static DateTimeOffset? Updated(JsonElement aid) =>
        (String(aid, "date_updated") ?? String(aid, "date_created")) is { } s
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static string? String(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> List(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    private static Uri? Url(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
}
