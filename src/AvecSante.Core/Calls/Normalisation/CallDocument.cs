using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>The text of an attached document (PDF text, OCR) kept apart from the page: it is noisy.</summary>
public sealed record AttachmentText(string Name, string Text)
{
    /// <summary>
    /// True when the file name says it is the call's own document (rules, specifications). Other attachments
    /// (a candidate's guide, a ten-year child-protection plan) are full of unrelated dates and sums.
    /// </summary>
    public bool IsCallDocument { get; } = CallDocumentName().IsMatch(FrenchText.FoldSameLength(Name));

    private static Regex CallDocumentName() => CallDocumentReader.CallDocumentNamePattern();
}

/// <summary>A call read from any accepted input: the scraper layout, an HTML page, or plain pasted text.</summary>
public sealed record CallDocument
{
    public required string Title { get; init; }

    /// <summary>The call's own text, tags stripped, entities decoded, page chrome ("À lire aussi"…) cut.</summary>
    public required string Body { get; init; }

    public Uri? Url { get; init; }

    /// <summary>The date a source gave in a structured field (the scraper's DATE_LIMITE): to be checked, not trusted.</summary>
    public DateOnly? StructuredDeadline { get; init; }

    /// <summary>The summary a source gave (iledefrance.fr "chapo", préfecture RESUME), when not empty.</summary>
    public string? SourceSummary { get; init; }

    /// <summary>Who may apply, when the source has a section for it ("QUI PEUT EN BENEFICIER").</summary>
    public string? Eligibility { get; init; }

    /// <summary>"Publié le …" found in the text.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>"Mis(e) à jour le …" found in the text: context for dates without a year, not a publication date.</summary>
    public DateOnly? UpdatedOn { get; init; }

    /// <summary>The funder a record's structured field names (an API's "financers", an export's "Financeurs").</summary>
    public string? StructuredFunder { get; init; }

    /// <summary>A sender found in a pasted mail ("De : …"), used only to recognise the funder.</summary>
    public string? Sender { get; init; }

    public IReadOnlyList<AttachmentText> Attachments { get; init; } = [];
}

public static partial class CallDocumentReader
{
    private const string SourceSeparator = "--- SOURCE HTML ---";

    public static CallDocument Read(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Read(raw, out _);
    }

    /// <param name="raw">The scraper output, page or mail.</param>
    /// <param name="foldedBody">The body folded (<see cref="FrenchText.FoldSameLength(string)"/>): the normaliser shares it with every extractor.</param>
    internal static CallDocument Read(string raw, out string foldedBody)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (ScraperHeader().IsMatch(text) || text.Contains(SourceSeparator, StringComparison.Ordinal))
        {
            return ReadScraperLayout(text, out foldedBody);
        }
        if (StructuredCallReader.TryRead(text) is { } record)
        {
            foldedBody = FrenchText.FoldSameLength(record.Body);
            return record with
            {
                Title = record.Title.Length > 0 ? record.Title : CleanTitle(FirstLine(record.Body)),
                PublishedOn = FindMarkedDate(foldedBody, PublishedMarker()),
            };
        }
        return HtmlText.LooksLikeHtml(text) && HtmlDocument().IsMatch(text) ? ReadHtml(text, out foldedBody) : ReadPlain(text, out foldedBody);
    }

    private static CallDocument ReadScraperLayout(string text, out string foldedBody)
    {
        var separator = text.IndexOf(SourceSeparator, StringComparison.Ordinal);
        var header = separator >= 0 ? text[..separator] : text;
        var rest = separator >= 0 ? text[(separator + SourceSeparator.Length)..] : string.Empty;

        var (title, url, structured) = ReadScraperHeader(header);
        var page = SplitAttachments(rest, out var attachments);
        var sections = ReadSections(page, out var sectionTitle);
        title ??= sectionTitle;

        var body = new StringBuilder();
        string? summary = null;
        string? eligibility = null;
        foreach (var (label, content) in sections)
        {
            if (label.StartsWith("RESUME", StringComparison.Ordinal) && content.Length > 0)
            {
                summary = FrenchText.Squeeze(content);
            }
            if (label == "QUI PEUT EN BENEFICIER")
            {
                eligibility = content;
            }
            if (content.Length > 0)
            {
                body.Append(CutChrome(content)).Append("\n\n");
            }
        }
        var bodyText = body.ToString();
        foldedBody = FrenchText.FoldSameLength(bodyText);
        return new CallDocument
        {
            Title = CleanTitle(title ?? FirstLine(bodyText)),
            Body = bodyText,
            Url = url,
            StructuredDeadline = structured,
            SourceSummary = summary,
            Eligibility = eligibility,
            PublishedOn = FindMarkedDate(foldedBody, PublishedMarker()),
            UpdatedOn = FindMarkedDate(foldedBody, UpdatedMarker()),
            Attachments = attachments,
        };
    }

    /// <summary>The scraper's header lines: the first TITRE, URL and DATE_LIMITE each.</summary>
    private static (string? Title, Uri? Url, DateOnly? Deadline) ReadScraperHeader(string header)
    {
        string? title = null;
        Uri? url = null;
        DateOnly? structured = null;
        foreach (Match line in HeaderLine().Matches(header))
        {
            var value = line.Groups["v"].Value.Trim();
            switch (line.Groups["k"].Value)
            {
                case "TITRE":
                    title ??= value;
                    break;
                case "URL":
                    url ??= Uri.TryCreate(value, UriKind.Absolute, out var u) ? u : null;
                    break;
                case "DATE_LIMITE":
                    structured ??= DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                    break;
            }
        }
        return (title, url, structured);
    }

    /// <summary>Attachments: "--- CONTENU PDF (name.pdf) ---" sections after the page; returns the page before them.</summary>
    private static string SplitAttachments(string rest, out List<AttachmentText> attachments)
    {
        attachments = [];
        var pdfs = AttachmentHeader().Matches(rest);
        if (pdfs.Count == 0)
        {
            return rest;
        }
        for (var i = 0; i < pdfs.Count; i++)
        {
            var start = pdfs[i].Index + pdfs[i].Length;
            var end = i + 1 < pdfs.Count ? pdfs[i + 1].Index : rest.Length;
            attachments.Add(new AttachmentText(pdfs[i].Groups["n"].Value.Trim(), rest[start..end]));
        }
        return rest[..pdfs[0].Index];
    }

    /// <summary>
    /// Labelled blocks of the page (RESUME, OBJECTIF, QUI PEUT EN BENEFICIER, DEMARCHES, CONTACT, DESCRIPTION), or the
    /// whole page as one TEXTE block; a TITRE block is the title, not text.
    /// </summary>
    private static List<(string Label, string Text)> ReadSections(string page, out string? title)
    {
        title = null;
        var sections = new List<(string Label, string Text)>();
        var labels = SectionLabel().Matches(page);
        for (var i = 0; i < labels.Count; i++)
        {
            var start = labels[i].Index + labels[i].Length;
            var end = i + 1 < labels.Count ? labels[i + 1].Index : page.Length;
            var label = labels[i].Groups["l"].Value;
            var content = page[start..end];
            if (label == "TITRE")
            {
                title ??= content.Trim();
                continue;
            }
            content = content.Replace("|||", "\n", StringComparison.Ordinal);
            if (HtmlText.LooksLikeHtml(content))
            {
                content = HtmlText.ToText(content);
            }
            sections.Add((label, content.Trim()));
        }
        if (sections.Count == 0 && page.Trim().Length > 0)
        {
            sections.Add(("TEXTE", HtmlText.LooksLikeHtml(page) ? HtmlText.ToText(page) : page.Trim()));
        }
        return sections;
    }

    private static CallDocument ReadHtml(string html, out string foldedBody)
    {
        var page = HtmlText.Read(html);
        var body = CutChrome(page.Text);
        foldedBody = FrenchText.FoldSameLength(body);
        return new CallDocument
        {
            Title = CleanTitle(page.Title ?? FirstLine(body)),
            Body = body,
            // JSON-LD (validThrough, endDate): checked against the text like any structured date.
            StructuredDeadline = StructuredCallReader.DeadlineOf(page.StructuredData),
            PublishedOn = FindMarkedDate(foldedBody, PublishedMarker()),
            UpdatedOn = FindMarkedDate(foldedBody, UpdatedMarker()),
        };
    }

    private static CallDocument ReadPlain(string text, out string foldedBody)
    {
        var body = HtmlText.LooksLikeHtml(text) ? HtmlText.ToText(text) : text;
        string? title = null;
        string? sender = null;
        foreach (Match header in MailHeader().Matches(body))
        {
            var key = FrenchText.FoldSameLength(header.Groups["k"].Value);
            if (key is "objet" or "subject" && title is null)
            {
                title = header.Groups["v"].Value;
            }
            else if (key is "de" or "from" or "expediteur" && sender is null)
            {
                sender = header.Groups["v"].Value.Trim();
            }
        }
        body = CutChrome(body);
        foldedBody = FrenchText.FoldSameLength(body);
        return new CallDocument
        {
            Title = CleanTitle(title ?? FirstLine(body)),
            Body = body,
            Sender = sender,
            PublishedOn = FindMarkedDate(foldedBody, PublishedMarker()),
            UpdatedOn = FindMarkedDate(foldedBody, UpdatedMarker()),
        };
    }

    /// <summary>
    /// Cuts the page chrome that follows the call on paris.fr and similar sites ("Votre avis nous intéresse",
    /// "À lire aussi", a site's "Nos actualités": lists of other calls and news with their own dates). Only in the second half of a block, so a
    /// share button at the top of a page does not swallow the call.
    /// </summary>
    internal static string CutChrome(string text)
    {
        var folded = FrenchText.FoldSameLength(text);
        foreach (Match marker in ChromeMarker().Matches(folded))
        {
            if (marker.Index >= text.Length / 3)
            {
                return text[..marker.Index].TrimEnd(' ', '?', '\u00A0');
            }
        }
        return text;
    }

    internal static string CleanTitle(string title)
    {
        var clean = FrenchText.Squeeze(TitlePrefix().Replace(title, string.Empty));
        clean = clean.Trim(' ', '-', '|');
        if (clean.Length > 1 && clean[0] == '"' && clean[^1] == '"')
        {
            clean = clean[1..^1];
        }
        clean = clean.Replace("\" ", "\"", StringComparison.Ordinal);
        return clean.Length > 300 ? clean[..300].TrimEnd() + "…" : clean;
    }

    private static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var squeezed = FrenchText.Squeeze(line);
            if (squeezed.Length > 0)
            {
                return squeezed.Length > 200 ? squeezed[..200] : squeezed;
            }
        }
        return string.Empty;
    }

    private static DateOnly? FindMarkedDate(string folded, Regex marker)
    {
        var match = marker.Match(folded);
        if (!match.Success)
        {
            return null;
        }
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += 2000;
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"\A\s*TITRE:", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex ScraperHeader();

    [GeneratedRegex(@"^(?<k>TITRE|URL|DATE_LIMITE):[ \t]*(?<v>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^--- CONTENU PDF \((?<n>[^)\n]*)\) ---[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex AttachmentHeader();

    [GeneratedRegex(@"^(?<l>TITRE|RESUME(?: \(chapo\))?|OBJECTIF|QUI PEUT EN BENEFICIER|DEMARCHES|CONTACT|DESCRIPTION):[ \t]?", RegexOptions.Multiline | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"<(?:html|body|head|!doctype)\b|<(?:p|div|h1|h2|article|section)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex HtmlDocument();

    [GeneratedRegex(@"^[ \t]*(?<k>Objet|Subject|De|From|Expéditeur)[ \t]*:[ \t]*(?<v>.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex MailHeader();

    [GeneratedRegex(@"\bvotre avis nous interesse|\ba lire aussi\b|\bpartager la page\b|\bpartager sur facebook\b|\bsur le meme sujet\b|\bdans la meme rubrique\b|\barticles similaires\b|\bnos actualites\b|\btoutes les actualites\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex ChromeMarker();

    [GeneratedRegex(@"^\s*(?:TITRE\s*:|Objet\s*:|Subject\s*:|(?:TR|Fwd?|RE)\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"\b(?:publie(?:e)?|date de publication|mis(?:e)? en ligne)\s{0,3}(?:le|:)?\s{0,3}(?<d>[0-3]?\d)[/.](?<m>[01]?\d)[/.](?<y>(?:19|20)\d{2}|\d{2})\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PublishedMarker();

    [GeneratedRegex(@"\bmis(?:e)? a jour\s{0,3}(?:le|:)?\s{0,3}(?<d>[0-3]?\d)[/.](?<m>[01]?\d)[/.](?<y>(?:19|20)\d{2}|\d{2})\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex UpdatedMarker();

    [GeneratedRegex(@"\b(?:aap|appel|reglement|cahier[ _-]des[ _-]charges|cadre[ _-]reglementaire|cahier|modalites|dossier[ _-]de[ _-]candidature)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    internal static partial Regex CallDocumentNamePattern();
}
