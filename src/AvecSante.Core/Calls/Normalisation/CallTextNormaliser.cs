using System.Text.RegularExpressions;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>A call as the normaliser read it: what coordinators need, with the evidence for the deadline.</summary>
public sealed record NormalisedCall
{
    public required string Title { get; init; }

    public string? Summary { get; init; }

    public Uri? SourceUrl { get; init; }

    public required Funder Funder { get; init; }

    public CallKind Kind { get; init; }

    /// <summary>False for news or results pages and for offers to occupy public land against a fee.</summary>
    public bool IsFundingCall { get; init; }

    public string? NotFundingReason { get; init; }

    /// <summary>The closing instant, Europe/Paris offset; null when the text gives none or the call is rolling.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The phrase of the text the deadline came from.</summary>
    public string? DeadlineEvidence { get; init; }

    public bool DeadlineHasTime { get; init; }

    /// <summary>Every closing date of the text (sessions, waves, departments), the deadline included.</summary>
    public IReadOnlyList<DatedPhrase> DeadlineSessions { get; init; } = [];

    /// <summary>Steps before the deadline: letter of intent, pre-registration, webinar, information session.</summary>
    public IReadOnlyList<DatedPhrase> IntermediateDates { get; init; } = [];

    public bool IsRolling { get; init; }

    /// <summary>Why a source's structured date was not kept (French, for staff).</summary>
    public string? DeadlineDisagreement { get; init; }

    public DateOnly? StructuredDeadline { get; init; }

    /// <summary>Publication date: given by the source, or "Publié le" in the text.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>"Mis à jour le" in the text.</summary>
    public DateOnly? UpdatedOn { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> StructureKinds { get; init; } = [];

    public IReadOnlyList<string> Departments { get; init; } = [];

    public CallAmount? Amount { get; init; }

    /// <summary>How sure the reader is of the deadline (none, structured data against the text, a year inferred…).</summary>
    public Confidence DeadlineConfidence { get; init; }

    public Confidence FunderConfidence { get; init; }

    /// <summary>True when a person should confirm the call before anyone is alerted ("à vérifier").</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Why the call needs review, in French, for staff.</summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];
}

/// <summary>
/// Turns the raw text or HTML of a call (scraper output, a saved page, a pasted mail) into a <see cref="NormalisedCall"/>.
/// Pure: no I/O, no clock (the caller passes "now").
/// </summary>
public static partial class CallTextNormaliser
{
    private const int SummaryLength = 400;

    /// <summary>
    /// The most characters of a page read (a call page's text is 2-20 K, with its PDF text up to 400 K); the rest is
    /// ignored, so no input makes the work unbounded.
    /// </summary>
    public const int MaxInputLength = 500_000;

    public static NormalisedCall Normalise(string rawTextOrHtml, Uri? sourceUrl, string? sender, DateOnly? publishedOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rawTextOrHtml);
        if (rawTextOrHtml.Length > MaxInputLength)
        {
            rawTextOrHtml = rawTextOrHtml[..MaxInputLength];
        }
        if (sender is { Length: > 1000 })
        {
            sender = sender[..1000];
        }
        var document = CallDocumentReader.Read(rawTextOrHtml, out var foldedBody);
        var url = sourceUrl ?? document.Url;
        var published = publishedOn ?? document.PublishedOn;
        var analysed = document.Title + "\n\n" + document.Body;

        // Folded once and shared: every extractor matches on folded text (folding is per character, so the fold of
        // title + body is the fold of each, joined).
        var foldedTitle = FrenchText.FoldSameLength(document.Title);
        var foldedAnalysed = foldedTitle + "\n\n" + foldedBody;

        var callDocuments = document.Attachments.Where(attachment => attachment.IsCallDocument).ToList();
        var deadline = ReadDeadline(document, callDocuments, (analysed, foldedTitle, foldedAnalysed), published, now);

        var funder = OrNotFound(() => FunderClassifier.Classify(url, sender ?? document.Sender, document.Title, foldedTitle, document.Body, foldedBody, document.StructuredFunder), Funder.Unknown);
        var kind = CallKindClassifier.ClassifyFolded(foldedTitle, foldedBody);
        var callYear = deadline.Deadline?.Year ?? published?.Year ?? document.UpdatedOn?.Year ?? now.Year;
        var amount = ReadAmount(analysed, foldedAnalysed, callDocuments, callYear);

        var call = new NormalisedCall
        {
            Title = document.Title,
            Summary = Summarise(document),
            SourceUrl = url,
            Funder = funder,
            Kind = kind.Kind,
            IsFundingCall = kind.IsFundingCall,
            NotFundingReason = kind.Reason,
            Deadline = deadline.Deadline,
            DeadlineEvidence = deadline.Evidence,
            DeadlineHasTime = deadline.HasExplicitTime,
            DeadlineSessions = deadline.Sessions,
            IntermediateDates = deadline.Intermediate,
            IsRolling = deadline.IsRolling,
            DeadlineDisagreement = deadline.Disagreement,
            StructuredDeadline = document.StructuredDeadline,
            PublishedOn = published,
            UpdatedOn = document.UpdatedOn,
            Themes = OrNotFound(() => ThemeTagger.Tag(analysed, foldedAnalysed), []),
            StructureKinds = OrNotFound(() => StructureKindDetector.Detect(document.Body, foldedBody, document.Eligibility), []),
            Departments = OrNotFound(() => DepartmentDetector.DetectFolded(foldedAnalysed, funder), []),
            Amount = amount,
        };
        return CallConfidence.Assess(call, deadline);
    }

    /// <summary>The deadline, read in the page and in the attachments that are the call's own documents.</summary>
    private static DeadlineResult ReadDeadline(
        CallDocument document,
        List<AttachmentText> callDocuments,
        (string Analysed, string FoldedTitle, string FoldedAnalysed) text,
        DateOnly? published,
        DateTimeOffset now)
    {
        var texts = new List<string> { text.Analysed };
        texts.AddRange(callDocuments.Select(attachment => attachment.Text));
        var titleYear = TitleYear().Match(text.FoldedTitle) is { Success: true } y ? int.Parse(y.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var hints = new DeadlineHints
        {
            // A page's "updated on" date is context for dates without a year only when the call's name gives no year.
            PublishedOn = published ?? (titleYear is null ? document.UpdatedOn : null),
            CallYear = titleYear,
            StructuredDate = document.StructuredDeadline,
            Reference = now,
        };
        return OrNotFound(() => DeadlineExtractor.Extract(texts, hints, text.FoldedAnalysed), DeadlineResult.None);
    }

    /// <summary>The amount the page gives, else the first the call's documents give.</summary>
    private static CallAmount? ReadAmount(string analysed, string foldedAnalysed, List<AttachmentText> callDocuments, int callYear)
    {
        var amount = OrNotFound(() => AmountExtractor.Extract(analysed, foldedAnalysed, callYear), null);
        if (amount is null)
        {
            foreach (var attachment in callDocuments)
            {
                amount ??= OrNotFound(() => AmountExtractor.Extract(attachment.Text, callYear), null);
            }
        }
        return amount;
    }

    /// <summary>
    /// A pattern that ran out of time (<see cref="FrenchText.MatchTimeoutMilliseconds"/>) found nothing: the field is
    /// left empty (and the call held for review) rather than the whole call lost or the run stalled.
    /// </summary>
    private static T OrNotFound<T>(Func<T> read, T notFound)
    {
        try
        {
            return read();
        }
        catch (RegexMatchTimeoutException)
        {
            return notFound;
        }
    }

    /// <summary>
    /// The source's own summary when it has one; otherwise the opening of the text after the page furniture
    /// (paris.fr repeats the title, then "Mise à jour le…", "Crédit photo", the table of contents, "Revenir en haut").
    /// </summary>
    private static string? Summarise(CallDocument document)
    {
        if (document.SourceSummary is { Length: > 20 } given)
        {
            return Shorten(given);
        }
        // Only the opening matters: squeezing a whole page (and its PDF-length tail) would be wasted work.
        var body = FrenchText.Squeeze(document.Body.Length > 4000 ? document.Body[..4000] : document.Body);
        var furniture = BackToTop().Match(body);
        if (!furniture.Success)
        {
            furniture = PhotoCredit().Match(body);
        }
        if (furniture.Success)
        {
            body = body[(furniture.Index + furniture.Length)..];
        }
        if (body.StartsWith(document.Title, StringComparison.Ordinal))
        {
            body = body[document.Title.Length..];
        }
        body = body.Trim(' ', ':', '-');
        return body.Length == 0 ? null : Shorten(body);
    }

    private static string Shorten(string text)
    {
        var squeezed = FrenchText.Squeeze(text);
        if (squeezed.Length <= SummaryLength)
        {
            return squeezed;
        }
        var cut = squeezed.LastIndexOf(". ", SummaryLength, StringComparison.Ordinal);
        if (cut > SummaryLength / 3)
        {
            return squeezed[..(cut + 1)];
        }
        var space = squeezed.LastIndexOf(' ', SummaryLength);
        return squeezed[..(space > 0 ? space : SummaryLength)] + "…";
    }

    [GeneratedRegex(@"(?<![\w-])(?:aap|ami|aac|appel a projets|appel a candidatures|edition|campagne|session|programme)\s{0,3}(?<y>20[2-4]\d)(?!\d)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"\bRevenir en haut\b", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex BackToTop();

    [GeneratedRegex(@"\bCrédit photo\s*:[^.]{0,80}?(?=\s(?:Sommaire|[A-Z]))", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex PhotoCredit();
}
