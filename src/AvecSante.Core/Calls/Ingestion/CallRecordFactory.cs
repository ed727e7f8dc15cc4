using System.Globalization;
using AvecSante.Core.Calls.Normalisation;
using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Ingestion;

/// <summary>Turns a normalised candidate into a call record, and tells what changed between two sightings of a call.</summary>
public static class CallRecordFactory
{
    public const int MaxHistory = 50;

    /// <summary>
    /// The record of a candidate. Its text comes from outside (entities such as "&amp;#1;" decoded by the normaliser):
    /// what XML cannot carry is removed here, so no record, file or feed built from it has to.
    /// </summary>
    public static CallForProjects Create(CallCandidate candidate, NormalisedCall normalised, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(normalised);
        var funderFromSource = normalised.Funder.Kind == FunderKind.Unknown && candidate.FunderHint is { Length: > 0 };
        var funder = XmlText.Strip(funderFromSource ? candidate.FunderHint! : normalised.Funder.Name);
        // The source's configured funder answers "funder unknown"; every other doubt holds the call for a person.
        var reviewReasons = normalised.ReviewReasons
            .Where(r => !(funderFromSource && r == CallConfidence.UnknownFunderReason))
            .Select(XmlText.Strip)
            .ToList();
        var title = XmlText.Strip(string.IsNullOrWhiteSpace(normalised.Title) ? candidate.Title ?? "(sans titre)" : normalised.Title);
        var url = candidate.Url ?? normalised.SourceUrl;
        var deadline = normalised.Deadline;
        return new CallForProjects
        {
            Id = CallIdentity.For(url, funder, title),
            Title = Truncate(title, CallSubmissionValidator.MaxTitleLength),
            Funder = funder,
            Url = url,
            PublishedOn = candidate.PublishedOn ?? normalised.PublishedOn,
            Deadline = deadline,
            DeadlineEvidence = XmlText.StripOrNull(normalised.DeadlineEvidence),
            DeadlineNote = XmlText.StripOrNull(normalised.DeadlineDisagreement),
            IsRolling = normalised.IsRolling,
            OtherDeadlines = normalised.DeadlineSessions.Select(s => s.Instant).Where(i => i != deadline).Distinct().Order().ToList(),
            Themes = normalised.Themes,
            Departments = normalised.Departments,
            StructureKinds = normalised.StructureKinds,
            Summary = normalised.Summary is { } summary ? Truncate(XmlText.Strip(summary), CallSubmissionValidator.MaxSummaryLength) : null,
            AmountEuros = normalised.Amount?.Euros,
            Kind = KindCode(normalised.Kind),
            Status = deadline is { } end && end <= now ? CallStatus.Closed : reviewReasons.Count > 0 ? CallStatus.ToReview : CallStatus.Open,
            ReviewReasons = reviewReasons,
            Source = candidate.Source,
            Sightings = [new CallSighting(candidate.Source, url?.ToString(), now)],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static string KindCode(CallKind kind) => kind switch
    {
        CallKind.AppelACandidatures => "appel-a-candidatures",
        CallKind.AppelAManifestationInteret => "ami",
        _ => "appel-a-projets",
    };

    /// <summary>
    /// Two sightings are the same call when they share a canonical URL (same id), or when the funder and the deadline
    /// day agree and the titles are near-identical. Sister calls ("Challenge IA pour la Santé" / "… pour l'Industrie")
    /// differ in a content word and stay apart.
    /// </summary>
    public static bool IsSameCall(CallForProjects known, CallForProjects incoming)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(incoming);
        if (known.Id == incoming.Id)
        {
            return true;
        }
        if (!string.Equals(known.Funder, incoming.Funder, StringComparison.OrdinalIgnoreCase)
            || DeadlineDay(known) != DeadlineDay(incoming))
        {
            return false;
        }
        var a = TitleWords(known.Title);
        var b = TitleWords(incoming.Title);
        // Every content word must match: near-identical titles with one different word are sister calls.
        return a.Count > 0 && a.SetEquals(b);
    }

    /// <summary>
    /// Merges a new sighting into the known call, recording what changed. <c>Touched</c> is false when the sighting
    /// brings nothing new (no change, a source already listed): then nothing needs writing. A source below the call's
    /// originating one (<see cref="SourceTrust"/>) changes no deadline, title or status: what it says otherwise is
    /// recorded as a disagreement for staff.
    /// </summary>
    public static (CallForProjects Merged, IReadOnlyList<CallChange> Changes, bool Touched) Merge(CallForProjects known, CallForProjects incoming, SourceTrustLevel incomingTrust, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(incoming);
        if (!SourceTrust.MayChange(known, incoming.Source, incomingTrust))
        {
            return MergeSighting(known, incoming, now);
        }
        var changes = new List<CallChange>();
        void Compare(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new CallChange(now, field, from, to, incoming.Source));
            }
        }

        var (fresh, deadline) = DeadlineSource(known, incoming);
        Compare("deadline", Format(known.Deadline), Format(deadline));
        var status = StatusAfter(known, deadline, fresh.IsRolling, now);
        Compare("status", known.Status.ToString().ToLowerInvariant(), status.ToString().ToLowerInvariant());
        var disagreements = DisagreementsOnConfirmed(known, incoming, now);
        // Title and summary are compared only with what the same source said before: another source's teaser
        // (a feed's two lines about a call of the ARS site) is not the call changing.
        var sameSource = known.Sightings.Any(s => s.Source == incoming.Source);
        if (sameSource)
        {
            if (!known.ConfirmedFields.Contains(ReviewedFields.Title))
            {
                Compare("title", TextFolding.Fold(known.Title), TextFolding.Fold(incoming.Title));
            }
            Compare("summary", TextFolding.Fold(known.Summary ?? string.Empty), TextFolding.Fold(incoming.Summary ?? known.Summary ?? string.Empty));
        }

        var sightings = AddSightings(known, incoming, now);

        var merged = known with
        {
            Title = sameSource && !known.ConfirmedFields.Contains(ReviewedFields.Title) ? incoming.Title : known.Title,
            Deadline = deadline,
            DeadlineEvidence = fresh.Deadline is null ? known.DeadlineEvidence : fresh.DeadlineEvidence,
            DeadlineNote = fresh.DeadlineNote ?? known.DeadlineNote,
            OtherDeadlines = fresh.OtherDeadlines.Count > 0 ? fresh.OtherDeadlines : known.OtherDeadlines,
            Summary = sameSource ? incoming.Summary ?? known.Summary : known.Summary ?? incoming.Summary,
            Themes = known.Themes.Union(incoming.Themes).ToList(),
            Departments = known.Departments.Union(incoming.Departments).ToList(),
            StructureKinds = known.StructureKinds.Union(incoming.StructureKinds).ToList(),
            AmountEuros = incoming.AmountEuros ?? known.AmountEuros,
            Status = status,
            ReviewReasons = status == CallStatus.ToReview && incoming.ReviewReasons.Count > 0 ? incoming.ReviewReasons : known.ReviewReasons,
            Sightings = sightings,
            History = known.History.Concat(changes).TakeLast(MaxHistory).ToList(),
            Disagreements = disagreements.TakeLast(MaxHistory).ToList(),
            UpdatedAt = now,
        };
        var touched = changes.Count > 0 || sightings.Count != known.Sightings.Count || disagreements.Count != known.Disagreements.Count;
        return (merged, changes, touched);
    }

    /// <summary>
    /// Whose deadline the merge keeps: a source that gives none does not erase one another source read, and one staff
    /// confirmed stays as it is (the fresh record is then the known one).
    /// </summary>
    private static (CallForProjects Fresh, DateTimeOffset? Deadline) DeadlineSource(CallForProjects known, CallForProjects incoming)
    {
        var fresh = known.ConfirmedFields.Contains(ReviewedFields.Deadline) ? known : incoming;
        return (fresh, fresh.Deadline ?? known.Deadline);
    }

    /// <summary>The known disagreements, with what the incoming source says otherwise about a field staff confirmed.</summary>
    private static List<CallDisagreement> DisagreementsOnConfirmed(CallForProjects known, CallForProjects incoming, DateTimeOffset now)
    {
        var disagreements = known.Disagreements.ToList();
        if (known.ConfirmedFields.Contains(ReviewedFields.Deadline))
        {
            Disagree(disagreements, incoming, "deadline", Format(incoming.Deadline), Format(known.Deadline), now);
        }
        if (known.ConfirmedFields.Contains(ReviewedFields.Funder))
        {
            Disagree(disagreements, incoming, "funder", incoming.Funder, known.Funder, now);
        }
        return disagreements;
    }

    /// <summary>
    /// A held call stays "à vérifier" whatever a source says until a person confirms it: only a review releases its
    /// alerts, and a call staff cancelled stays closed. Otherwise a passed deadline closes the call, and a deadline or a
    /// rolling call (re)opens it.
    /// </summary>
    private static CallStatus StatusAfter(CallForProjects known, DateTimeOffset? deadline, bool rolling, DateTimeOffset now) =>
        known.Status == CallStatus.ToReview ? CallStatus.ToReview
        : known.CancelledAt is not null ? CallStatus.Closed
        : deadline is { } end && end <= now ? CallStatus.Closed
        : rolling || deadline is not null ? CallStatus.Open
        : known.Status;

    /// <summary>Records what a source said otherwise about a field that was kept, once per source, field and claim.</summary>
    private static void Disagree(List<CallDisagreement> disagreements, CallForProjects incoming, string field, string? theirs, string? kept, DateTimeOffset now)
    {
        if (theirs is not null && !string.Equals(theirs, kept, StringComparison.Ordinal)
            && !disagreements.Any(d => d.Source == incoming.Source && d.Field == field && d.Theirs == theirs))
        {
            disagreements.Add(new CallDisagreement(now, incoming.Source, field, theirs, kept));
        }
    }

    /// <summary>A lower-trust sighting: the source is listed, its themes and places added, its other claims recorded.</summary>
    private static (CallForProjects, IReadOnlyList<CallChange>, bool) MergeSighting(CallForProjects known, CallForProjects incoming, DateTimeOffset now)
    {
        var disagreements = known.Disagreements.ToList();
        Disagree(disagreements, incoming, "deadline", Format(incoming.Deadline), Format(known.Deadline), now);
        if (incoming.IsRolling != known.IsRolling)
        {
            Disagree(disagreements, incoming, "rolling", incoming.IsRolling ? "au fil de l'eau" : "date limite", known.IsRolling ? "au fil de l'eau" : "date limite", now);
        }
        var sightings = AddSightings(known, incoming, now);
        var merged = known with
        {
            Summary = known.Summary ?? incoming.Summary,
            Themes = known.Themes.Union(incoming.Themes).ToList(),
            Departments = known.Departments.Union(incoming.Departments).ToList(),
            StructureKinds = known.StructureKinds.Union(incoming.StructureKinds).ToList(),
            AmountEuros = known.AmountEuros ?? incoming.AmountEuros,
            Sightings = sightings,
            Disagreements = disagreements.TakeLast(MaxHistory).ToList(),
            UpdatedAt = now,
        };
        var touched = sightings.Count != known.Sightings.Count || disagreements.Count != known.Disagreements.Count;
        return (touched ? merged : known, [], touched);
    }

    /// <summary>The known sightings, plus those of the incoming one not listed yet (same source and address).</summary>
    private static List<CallSighting> AddSightings(CallForProjects known, CallForProjects incoming, DateTimeOffset now)
    {
        var sightings = known.Sightings.ToList();
        foreach (var seen in incoming.Sightings.Where(i => !sightings.Any(s => s.Source == i.Source && s.Url == i.Url)))
        {
            sightings.Add(seen with { FirstSeenAt = now });
        }
        return sightings;
    }

    private static DateOnly? DeadlineDay(CallForProjects call) =>
        call.Deadline is { } d ? DateOnly.FromDateTime(ParisTime.ToParis(d).DateTime) : null;

    internal static string? Format(DateTimeOffset? instant) =>
        instant is { } i ? ParisTime.ToParis(i).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) : null;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "de", "des", "du", "d", "l", "la", "le", "les", "et", "en", "pour", "sur", "un", "une", "appel", "projets", "projet",
    };

    private static HashSet<string> TitleWords(string title) =>
        TextFolding.Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
