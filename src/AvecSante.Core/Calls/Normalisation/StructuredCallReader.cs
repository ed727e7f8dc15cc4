using System.Globalization;
using System.Text;
using System.Text.Json;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Calls pasted as a record rather than a page: a JSON object (an API answer: aides-territoires, a collectivity's open
/// data) or a CSV export line with its header. Every text field becomes the body the extractors read; the closing-date
/// and funder fields are kept apart as structured data, checked against the text like any source's structured date.
/// </summary>
internal static class StructuredCallReader
{
    private static readonly string[] TitleFields = ["name", "title", "titre", "nom", "intitule", "libelle", "short_title"];

    private static readonly string[] DeadlineFields =
    [
        "submission_deadline", "date_limite", "date_limite_depot", "date_cloture", "date_de_cloture", "closing_date", "deadline",
        "end_date", "date_fin", "datefin", "enddate", "validthrough", "expires", "date_limite_de_depot",
    ];

    private static readonly string[] FunderFields =
    [
        "financers", "financeurs", "financeur", "funder", "funders", "organisme", "porteur", "porteur_aide", "info_responsible",
        "responsible", "responsable",
    ];

    /// <summary>The record's own address: on a funder's known site, it names the funder when no field does.</summary>
    private static readonly string[] UrlFields = ["url", "origin_url", "permalink", "lien", "link", "url_source"];

    public static CallDocument? TryRead(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return TryJson(trimmed);
        }
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0 && newline < 2000 && trimmed.Count(c => c == '\n') <= 3)
        {
            var header = FrenchText.FoldSameLength(trimmed[..newline]);
            if (header.Contains(',', StringComparison.Ordinal) && (header.Contains("date cloture", StringComparison.Ordinal) || header.Contains("financeur", StringComparison.Ordinal) || header.Contains("date_limite", StringComparison.Ordinal)))
            {
                return TryCsv(trimmed);
            }
        }
        return null;
    }

    /// <summary>The closing date of JSON-LD blocks of a page (validThrough, endDate, expires), if any.</summary>
    public static DateOnly? DeadlineOf(IEnumerable<string> jsonBlocks)
    {
        foreach (var block in jsonBlocks)
        {
            if (TryJson(block.Trim()) is { StructuredDeadline: { } date })
            {
                return date;
            }
        }
        return null;
    }

    private static CallDocument? TryJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var fields = new List<(string Key, string Value)>();
            Flatten(document.RootElement, string.Empty, fields, 0);
            return fields.Count == 0 ? null : Build(fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(JsonElement element, string key, List<(string Key, string Value)> fields, int depth)
    {
        if (depth > 8 || fields.Count > 500)
        {
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, property.Name, fields, depth + 1);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, key, fields, depth + 1);
                }
                break;
            case JsonValueKind.String:
                fields.Add((key, element.GetString() ?? string.Empty));
                break;
            case JsonValueKind.Number:
                fields.Add((key, element.GetRawText()));
                break;
        }
    }

    private static CallDocument? TryCsv(string text)
    {
        var records = CsvText.Read(Encoding.UTF8.GetBytes(text), ',');
        if (records.Count < 2)
        {
            return null;
        }
        var header = records[0].Fields;
        var values = records[1].Fields;
        var fields = new List<(string Key, string Value)>();
        for (var i = 0; i < Math.Min(header.Count, values.Count); i++)
        {
            fields.Add((header[i], values[i]));
        }
        return Build(fields);
    }

    private static CallDocument Build(List<(string Key, string Value)> fields)
    {
        string? title = null;
        DateOnly? deadline = null;
        string? funder = null;
        string? site = null;
        var body = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            var k = Key(key);
            var v = value.Trim();
            if (v.Length == 0)
            {
                continue;
            }
            if (title is null && TitleFields.Contains(k))
            {
                title = HtmlText.LooksLikeHtml(v) ? HtmlText.ToText(v) : v;
                continue;
            }
            if (DeadlineFields.Contains(k) || k.Contains("cloture", StringComparison.Ordinal) || k.Contains("deadline", StringComparison.Ordinal))
            {
                deadline ??= ParseDate(v);
                continue;
            }
            if (funder is null && FunderFields.Contains(k))
            {
                funder = v.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            }
            if (site is null && UrlFields.Contains(k) && Uri.TryCreate(v.Replace(": //", "://", StringComparison.Ordinal), UriKind.Absolute, out var address))
            {
                site = FunderClassifier.FromSite(address)?.Name;
            }
            // Text fields only: ids, slugs, URLs and codes say nothing a person reads.
            if (v.Contains(' ', StringComparison.Ordinal) && !v.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                body.Append(HtmlText.LooksLikeHtml(v) ? HtmlText.ToText(v) : v).Append("\n\n");
            }
        }
        var text = body.ToString();
        return new CallDocument
        {
            Title = CallDocumentReader.CleanTitle(title ?? string.Empty),
            Body = text,
            StructuredDeadline = deadline,
            StructuredFunder = funder ?? site,
        };
    }

    private static string Key(string key) => FrenchText.FoldSameLength(key.Trim()).Replace(' ', '_').Replace("-", "_", StringComparison.Ordinal);

    /// <summary>ISO (with or without a time), dd/MM/yyyy, or compact yyyyMMdd.</summary>
    internal static DateOnly? ParseDate(string value)
    {
        var v = value.Trim();
        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }
        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var french))
        {
            return french;
        }
        if (v.Length == 8 && DateOnly.TryParseExact(v, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return compact;
        }
        // "15 avril 2022": a field written for people.
        return v.Length <= 40 && DeadlineExtractor.ParseFrenchDate(FrenchText.FoldSameLength(v)) is { } written ? written : null;
    }
}
