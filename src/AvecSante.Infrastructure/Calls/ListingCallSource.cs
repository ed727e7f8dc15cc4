using System.Globalization;
using System.Text;
using System.Text.Json;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// A structured listing published by an aggregator or a partner: a JSON array or a CSV export of calls with the
/// columns titre, url_source, organisme, date_publication, date_limite, resume. Each row becomes a candidate in the
/// layout the normaliser reads for scraped pages, so its date_limite is checked against its text like any other.
/// </summary>
public sealed class ListingCallSource(string name, CallSourceOptions options, PoliteHttp http) : ICallSource
{
    public string Name => name;

    public string Kind => nameof(CallSourceKind.Listing);

    public async Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var url = options.Url ?? throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:Url' is missing.");
        var page = await http.GetAsync(url, SourceHosts.For(options), cancellationToken).ConfigureAwait(false);
        if (page.NotModified)
        {
            return new SourceBatch([], cursor);
        }
        var text = page.Content!.TrimStart('\uFEFF');
        var rows = text.TrimStart().StartsWith('[') ? ReadJson(text) : ReadCsv(text);
        var candidates = new List<CallCandidate>();
        var rejected = 0;
        foreach (var row in rows)
        {
            if (Candidate(row) is { } candidate)
            {
                candidates.Add(candidate);
            }
            else
            {
                rejected++;
            }
        }
        return new SourceBatch(candidates, null, rejected);
    }

    private CallCandidate? Candidate(IReadOnlyDictionary<string, string?> row)
    {
        var title = Get(row, "titre");
        if (string.IsNullOrWhiteSpace(title) || !Uri.TryCreate(Get(row, "url_source"), UriKind.Absolute, out var url))
        {
            return null;
        }
        var funder = Get(row, "organisme") is { Length: > 0 } o && !o.Equals("Non spécifié", StringComparison.OrdinalIgnoreCase) ? o : options.Funder;
        var deadline = Date(Get(row, "date_limite"));
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"TITRE: {title}")
            .AppendLine(CultureInfo.InvariantCulture, $"URL: {url}");
        if (deadline is { } d)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"DATE_LIMITE: {d:yyyy-MM-dd}");
        }
        body.AppendLine("--- SOURCE HTML ---")
            .AppendLine(CultureInfo.InvariantCulture, $"ORGANISME: {funder}")
            .AppendLine(CultureInfo.InvariantCulture, $"DESCRIPTION: {Get(row, "resume")}");
        return new CallCandidate
        {
            Source = name,
            Text = body.ToString(),
            Title = title,
            Url = url,
            PublishedOn = Date(Get(row, "date_publication")),
            StructuredDeadline = deadline,
            FunderHint = funder,
            Trust = options.Trust ?? Core.Calls.SourceTrustLevel.Aggregator,
        };
    }

    private static string? Get(IReadOnlyDictionary<string, string?> row, string column) =>
        row.TryGetValue(column, out var value) ? value?.Trim() : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static List<Dictionary<string, string?>> ReadJson(string text)
    {
        using var json = JsonDocument.Parse(text);
        return json.RootElement.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => e.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText(),
                StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>RFC 4180 CSV (comma, quotes doubled, line breaks inside quoted fields): one dictionary per row, by header.</summary>
    private static List<Dictionary<string, string?>> ReadCsv(string text)
    {
        var records = CsvText.Read(Encoding.UTF8.GetBytes(text), ',');
        if (records.Count == 0)
        {
            return [];
        }
        var header = records[0].Fields;
        return records.Skip(1)
            .Where(r => r.Fields.Count > 1)
            .Select(r => header.Select((h, i) => (h, v: i < r.Fields.Count ? r.Fields[i] : null)).ToDictionary(x => x.h.Trim(), x => x.v, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }
}
