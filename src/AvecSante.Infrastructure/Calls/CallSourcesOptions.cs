using AvecSante.Core.Calls;

namespace AvecSante.Infrastructure.Calls;

/// <summary>Section "Calls": how sources are read, and the sources themselves ("Calls:Sources:{name}:…").</summary>
public sealed class CallsOptions
{
    public const string Section = "Calls";

    /// <summary>Sent with every request, so webmasters know who reads them and how to reach us.</summary>
    public string UserAgent { get; set; } = "AVECsanteBretagne-veille/1.0 (+mailto:contact@example.org)";

    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>At most one request per host in this many milliseconds.</summary>
    public int MinMillisecondsBetweenRequests { get; set; } = 1000;

    /// <summary>Largest answer read from a source, after decompression, in bytes; a larger one fails the source.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Lets sources be read on 127.0.0.1 (the demo's and tests' synthetic sources). Never on Azure.</summary>
    public bool AllowLoopbackSources { get; set; }

    public Dictionary<string, CallSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public enum CallSourceKind
{
    WebPage,
    Rss,
    AidesTerritoires,

    /// <summary>A JSON array or CSV export of calls published by an aggregator or a partner.</summary>
    Listing,

    /// <summary>A folder of the federation's shared mailbox, read through Microsoft Graph.</summary>
    Mailbox,
}

/// <summary>One source instance. Which fields matter depends on its kind.</summary>
public sealed class CallSourceOptions
{
    public CallSourceKind Kind { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The listing page, the feed, or the API base (https://aides-territoires.beta.gouv.fr).</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Other hosts this source may be read from besides its own address's (comma-separated, "host" or "host:port"):
    /// a feed whose items link to another site of the same funder.
    /// </summary>
    public string? AllowedHosts { get; set; }

    /// <summary>How far this source is believed about a call it did not bring first (empty = by kind).</summary>
    public SourceTrustLevel? Trust { get; set; }

    /// <summary>Funder to assume when the text names none (e.g. "ARS Bretagne" for the ARS site).</summary>
    public string? Funder { get; set; }

    /// <summary>WebPage: CSS selector of one call in the listing (e.g. "article", ".views-row").</summary>
    public string ItemSelector { get; set; } = "article";

    /// <summary>WebPage: CSS selector of the link to the call's page, inside an item.</summary>
    public string LinkSelector { get; set; } = "a[href]";

    /// <summary>WebPage and Rss: CSS selector of the call's content on its own page (empty = the whole body).</summary>
    public string ContentSelector { get; set; } = "main";

    /// <summary>Rss: also read each item's page (the feed often has only a teaser).</summary>
    public bool FollowLinks { get; set; }

    /// <summary>WebPage and Rss: at most this many detail pages per run.</summary>
    public int MaxItems { get; set; } = 50;

    /// <summary>AidesTerritoires: the API key (a secret), exchanged for a 24-hour token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>AidesTerritoires: query string of the search (perimeter, call-for-projects only, audiences…).</summary>
    public string? Query { get; set; }

    /// <summary>Mailbox: the shared mailbox (address or id) the app is allowed to read.</summary>
    public string? Mailbox { get; set; }

    /// <summary>Mailbox: the inbox sub-folder holding calls to read.</summary>
    public string Folder { get; set; } = "Appels à projets";

    /// <summary>Mailbox: the inbox sub-folder read messages are moved to (created if missing).</summary>
    public string ProcessedFolder { get; set; } = "Traité";
}
