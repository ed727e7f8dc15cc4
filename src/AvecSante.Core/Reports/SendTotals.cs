using AvecSante.Core.Common;

namespace AvecSante.Core.Reports;

/// <summary>How many outbox messages of one kind, channel and status.</summary>
public sealed record SendCount(string Kind, string Channel, string Status, int Count);

/// <summary>
/// What the report keeps of a period's sends: counts by kind × channel × status, and who an alert reached — as short
/// digests of recipient ids, only ever counted (distinct over a year), never read back to a person. Totals add up, so
/// a year is the sum of its months and a closed month can be kept instead of its rows (ADR 0011).
/// </summary>
public sealed record SendTotals(IReadOnlyList<SendCount> Counts, IReadOnlySet<string> AlertRecipients)
{
    public static SendTotals Empty { get; } = new([], new HashSet<string>(StringComparer.Ordinal));

    public int Total => Counts.Sum(c => c.Count);

    public static SendTotals Of(IEnumerable<SendRecord> sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var counts = new Dictionary<(string Kind, string Channel, string Status), int>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var send in sends)
        {
            var key = (send.Kind, send.Channel, send.Status);
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (send.Status == AnnualReportCalculator.SentStatus && AnnualReportCalculator.AlertKinds.Contains(send.Kind))
            {
                reached.Add(RecipientDigest(send.RecipientId));
            }
        }
        return new SendTotals(Ordered(counts), reached);
    }

    public static SendTotals Sum(IEnumerable<SendTotals> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var counts = new Dictionary<(string Kind, string Channel, string Status), int>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var c in part.Counts)
            {
                var key = (c.Kind, c.Channel, c.Status);
                counts[key] = counts.GetValueOrDefault(key) + c.Count;
            }
            reached.UnionWith(part.AlertRecipients);
        }
        return new SendTotals(Ordered(counts), reached);
    }

    /// <summary>64 bits of SHA-256: enough to count thousands of people without collisions, and no id kept.</summary>
    public static string RecipientDigest(string recipientId) => StableKeys.Digest(recipientId, RecipientDigestLength);

    public const int RecipientDigestLength = 16;

    private static List<SendCount> Ordered(Dictionary<(string Kind, string Channel, string Status), int> counts) =>
        counts.Select(c => new SendCount(c.Key.Kind, c.Key.Channel, c.Key.Status, c.Value))
            .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal)
            .ToList();
}
