using AngleSharp.Html.Parser;
using AvecSante.Core.Calls.Ingestion;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// A listing page ("appels à projets et à candidatures") and the page of each call it links to, read with CSS
/// selectors from settings. An unchanged call page (304) is skipped: it was ingested when it last changed.
/// </summary>
public sealed class WebPageCallSource(string name, CallSourceOptions options, PoliteHttp http) : ICallSource
{
    private readonly SourceHosts _hosts = SourceHosts.For(options);

    public string Name => name;

    public string Kind => nameof(CallSourceKind.WebPage);

    public async Task<SourceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var listingUrl = options.Url ?? throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:Url' is missing.");
        // The listing is read every time: a call page may change while the listing does not.
        var listing = await http.GetAsync(listingUrl, _hosts, conditional: false, cancellationToken).ConfigureAwait(false);
        var parser = new HtmlParser();
        using var document = await parser.ParseDocumentAsync(listing.Content!, cancellationToken).ConfigureAwait(false);
        var links = document.QuerySelectorAll(options.ItemSelector)
            .Select(item => item.Matches(options.LinkSelector) ? item : item.QuerySelector(options.LinkSelector))
            .Select(a => a?.GetAttribute("href"))
            .Where(href => !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(listingUrl, href, out _))
            .Select(href => new Uri(listingUrl, href))
            .Distinct()
            .ToList();
        // Links to other sites are not read: a listing must not make the back office fetch what it names.
        var elsewhere = links.RemoveAll(link => !_hosts.Allows(link));
        links = links.Take(options.MaxItems).ToList();
        if (links.Count == 0 && elsewhere == 0)
        {
            throw new FormatException($"The listing {listingUrl} has no item matching '{options.ItemSelector}' with a link '{options.LinkSelector}'.");
        }

        var candidates = new List<CallCandidate>();
        foreach (var link in links)
        {
            var page = await http.GetAsync(link, _hosts, cancellationToken).ConfigureAwait(false);
            if (page.NotModified)
            {
                continue;
            }
            candidates.Add(new CallCandidate
            {
                Source = name,
                Text = PageText.CallHtml(page.Content!, options.ContentSelector),
                Url = link,
                FunderHint = options.Funder,
                Trust = options.Trust ?? Core.Calls.SourceTrustLevel.FunderSite,
            });
        }
        return new SourceBatch(candidates, null, Warning: SourceWarnings.LinksElsewhere(elsewhere));
    }
}

/// <summary>The part of a call's page that holds the call: its title and the content selector's HTML.</summary>
internal static class PageText
{
    public static string CallHtml(string html, string contentSelector)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var title = document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title ?? string.Empty;
        var content = (string.IsNullOrWhiteSpace(contentSelector) ? null : document.QuerySelector(contentSelector)) ?? document.Body;
        return $"<h1>{System.Net.WebUtility.HtmlEncode(title)}</h1>\n{content?.InnerHtml}";
    }
}
