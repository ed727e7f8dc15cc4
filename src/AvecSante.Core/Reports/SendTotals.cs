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
        var list = sends?.ToList() ?? throw new ArgumentNullException(nameof(sends));
        return new SendTotals(
            Merge(list.Select(s => new SendCount(s.Kind, s.Channel, s.Status, 1))),
            list.Where(s => s.Status == AnnualReportCalculator.SentStatus && AnnualReportCalculator.AlertKinds.Contains(s.Kind))
                .Select(s => RecipientDigest(s.RecipientId)).ToHashSet(StringComparer.Ordinal));
    }

    public static SendTotals Sum(IEnumerable<SendTotals> parts)
    {
        var list = parts?.ToList() ?? throw new ArgumentNullException(nameof(parts));
        return new SendTotals(Merge(list.SelectMany(p => p.Counts)), list.SelectMany(p => p.AlertRecipients).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>64 bits of SHA-256: enough to count thousands of people without collisions, and no id kept.</summary>
    public static string RecipientDigest(string recipientId) => StableKeys.Digest(recipientId, RecipientDigestLength);

    public const int RecipientDigestLength = 16;

    /// <summary>One count per kind × channel × status, in a stable order (the kept rows and the JSON stay byte-identical).</summary>
    private static List<SendCount> Merge(IEnumerable<SendCount> counts) =>
        counts.GroupBy(c => (c.Kind, c.Channel, c.Status))
            .Select(g => g.First() with { Count = g.Sum(c => c.Count) })
            .OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal)
            .ToList();
}
