using AvecSante.Core.Calls.Ingestion;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Calls;

/// <summary>The sources named in settings, built once. Sources keep state (a cached token) for the process's life.</summary>
public sealed class ConfiguredCallSources : ICallSourceCatalog
{
    public ConfiguredCallSources(IOptions<CallsOptions> options, PoliteHttp http, TenantGraph graph, BlobStore blobs, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var enabled = new List<ICallSource>();
        var disabled = new List<(string, string)>();
        foreach (var (name, source) in options.Value.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!source.Enabled)
            {
                disabled.Add((name, source.Kind.ToString()));
                continue;
            }
            enabled.Add(source.Kind switch
            {
                CallSourceKind.WebPage => new WebPageCallSource(name, source, http),
                CallSourceKind.Rss => new RssCallSource(name, source, http),
                CallSourceKind.AidesTerritoires => new AidesTerritoiresCallSource(name, source, http, clock),
                CallSourceKind.Listing => new ListingCallSource(name, source, http),
                CallSourceKind.Mailbox => new MailboxCallSource(name, source, graph, blobs),
                _ => throw new InvalidOperationException($"Setting 'Calls:Sources:{name}:Kind' is not a known kind."),
            });
        }
        EnabledSources = enabled;
        DisabledSources = disabled;
    }

    public IReadOnlyList<ICallSource> EnabledSources { get; }

    public IReadOnlyList<(string Name, string Kind)> DisabledSources { get; }
}
