using AvecSante.Core.Calls;
using AvecSante.Core.Documents;

namespace AvecSante.Core.Alerts;

/// <summary>
/// Text that came from outside (a source's title, funder and summary, a shared sheet's title) made inert before it
/// goes into a message: in emails it can spell no per-recipient token (<c>%%…%%</c>, which our renderer and SendGrid
/// substitute), in Teams cards no Markdown link. It still reads the same to people.
/// </summary>
public static class OutsideText
{
    private const string WordJoiner = "\u2060"; // invisible, and no token or link syntax survives it

    /// <summary>Breaks every "%%" so no token can be formed, whatever follows.</summary>
    public static string ForEmail(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("%%", StringComparison.Ordinal) ? text.Replace("%", "%" + WordJoiner, StringComparison.Ordinal) : text;
    }

    /// <summary>The call with its outside text inert for an email template.</summary>
    public static CallForProjects ForEmail(CallForProjects call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call with
        {
            Title = ForEmail(call.Title),
            Funder = ForEmail(call.Funder),
            Summary = call.Summary is null ? null : ForEmail(call.Summary),
            DeadlineEvidence = call.DeadlineEvidence is null ? null : ForEmail(call.DeadlineEvidence),
        };
    }

    public static DocumentSummary ForEmail(DocumentSummary sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet with { Title = ForEmail(sheet.Title), Structure = sheet.Structure is null ? null : ForEmail(sheet.Structure) };
    }

    /// <summary>
    /// Text shown in an Adaptive Card's TextBlock or fact, where Teams renders Markdown: the link syntaxes
    /// (<c>[text](url)</c>, <c>&lt;url&gt;</c>) are broken so a source cannot put a disguised link in the channel.
    /// </summary>
    public static string ForMarkdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        return text.Replace("](", "]" + WordJoiner + "(", StringComparison.Ordinal)
            .Replace("] (", "]" + WordJoiner + " (", StringComparison.Ordinal)
            .Replace("<", "‹", StringComparison.Ordinal)
            .Replace(">", "›", StringComparison.Ordinal);
    }
}
