using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Common;

namespace AvecSante.Infrastructure.Calls;

/// <summary>An RSS 2.0 or Atom feed (the ARS sites expose /rss.xml); optionally each item's own page.</summary>
public sealed class RssCallSource(string name, CallSourceOptions options, PoliteHttp http) : ICallSource
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>No DTD is read (no entity expansion, nothing fetched by the parser).</summary>
    private static readonly XmlReaderSettings NoDtd = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };

    private readonly SourceHosts _hosts = SourceHosts.For(options);

    public string Name => name;

    public string Kind => nameof(CallSourceKind.Rss);

    public async Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var feedUrl = options.Url ?? throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:Url' is missing.");
        var feed = await http.GetAsync(feedUrl, _hosts, cancellationToken).ConfigureAwait(false);
        if (feed.NotModified)
        {
            return new SourceBatch([], cursor);
        }

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(new StringReader(feed.Content!), NoDtd);
            xml = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"The feed {feedUrl} is not XML: {ex.Message}", ex);
        }
        var items = ReadItems(xml, feedUrl).Take(options.MaxItems).ToList();
        if (items.Count == 0 && xml.Root?.Name.LocalName is not ("rss" or "feed" or "RDF"))
        {
            throw new FormatException($"{feedUrl} is neither an RSS nor an Atom feed.");
        }

        var candidates = new List<CallCandidate>();
        var elsewhere = 0;
        foreach (var item in items)
        {
            var text = $"<h1>{System.Net.WebUtility.HtmlEncode(item.Title)}</h1>\n{item.Description}";
            if (options.FollowLinks && item.Link is not null && !_hosts.Allows(item.Link))
            {
                elsewhere++; // the item's own text is kept; a page on another site is not fetched
            }
            else if (options.FollowLinks && item.Link is not null)
            {
                var page = await http.GetAsync(item.Link, _hosts, cancellationToken).ConfigureAwait(false);
                if (page.NotModified)
                {
                    continue;
                }
                text = PageText.CallHtml(page.Content!, options.ContentSelector);
            }
            candidates.Add(new CallCandidate
            {
                Source = name,
                Text = text,
                Title = item.Title,
                Url = item.Link,
                PublishedOn = item.Published is { } p ? DateOnly.FromDateTime(ParisTime.ToParis(p).DateTime) : null,
                FunderHint = options.Funder,
                Trust = options.Trust ?? Core.Calls.SourceTrustLevel.FunderSite,
            });
        }
        return new SourceBatch(candidates, null, Warning: SourceWarnings.LinksElsewhere(elsewhere));
    }

    private sealed record FeedItem(string Title, Uri? Link, string Description, DateTimeOffset? Published);

    private static IEnumerable<FeedItem> ReadItems(XDocument xml, Uri feedUrl)
    {
        foreach (var item in xml.Descendants().Where(e => e.Name.LocalName == "item"))
        {
            yield return new FeedItem(
                Value(item, "title"),
                Link(feedUrl, Value(item, "link")),
                Value(item, "description"),
                Date(Value(item, "pubDate")) ?? Date(Value(item, "date")));
        }
        foreach (var entry in xml.Descendants(Atom + "entry"))
        {
            var href = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            yield return new FeedItem(
                (string?)entry.Element(Atom + "title") ?? string.Empty,
                Link(feedUrl, href),
                (string?)entry.Element(Atom + "content") ?? (string?)entry.Element(Atom + "summary") ?? string.Empty,
                Date((string?)entry.Element(Atom + "published") ?? (string?)entry.Element(Atom + "updated")));
        }
    }

    private static string Value(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() ?? string.Empty;

    private static Uri? Link(Uri feedUrl, string? href) =>
        !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(feedUrl, href.Trim(), out var uri) ? uri : null;

    private static DateTimeOffset? Date(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateTimeOffset.TryParse(text.Replace(" GMT", " +0000", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
