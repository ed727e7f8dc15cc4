using System.Globalization;
using AvecSante.Core.Common;

namespace AvecSante.Core.Calls;

/// <summary>Turns a hand submission into a call, or says in French which field is wrong and why.</summary>
public static class CallSubmissionValidator
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 4000;

    public static Validated<CallForProjects> Validate(CallSubmission submission, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new ValidationErrors();

        var title = errors.Text("title", submission.Title, "Le titre", MaxTitleLength, "Le titre est obligatoire.");

        var funder = submission.Funder?.Trim();
        if (string.IsNullOrEmpty(funder))
        {
            errors.Add("funder", "Le financeur est obligatoire (par exemple « ARS Bretagne » ou « CPAM 29 »).");
        }

        var url = ReadUrl(submission.Url, errors);
        var publishedOn = ReadPublishedOn(submission.PublishedOn, errors);
        var deadline = ReadDeadline(submission.Deadline, publishedOn, errors);

        var themes = CheckCodes(submission.Themes, "themes", Themes.IsKnown, "thème inconnu", errors);
        var departments = CheckCodes(submission.Departments, "departments", Departments.IsKnown, "département inconnu (22, 29, 35, 56, regional ou national)", errors);
        var kinds = CheckCodes(submission.StructureKinds?.Select(k => k.Trim().ToUpperInvariant()).ToList(), "structureKinds", StructureKinds.IsKnown, "type de structure inconnu (MSP, ESP, CDS, CPTS…)", errors);
        if (departments.Count == 0 && !errors.Fields.Contains("departments"))
        {
            departments = [Departments.Regional];
        }

        var summary = errors.Text("summary", submission.Summary, "Le résumé", MaxSummaryLength);
        var evidence = errors.Text("deadlineEvidence", submission.DeadlineEvidence, "La phrase de la date limite", MaxSummaryLength);

        if (!errors.IsEmpty)
        {
            return Validated.Invalid<CallForProjects>(errors);
        }

        return Validated.Valid(new CallForProjects
        {
            Id = CallIdentity.For(url, funder!, title!),
            Title = title!,
            Funder = funder!,
            Url = url,
            PublishedOn = publishedOn ?? DateOnly.FromDateTime(ParisTime.ToParis(now).DateTime),
            Deadline = deadline,
            DeadlineEvidence = deadline is null ? null : evidence,
            Themes = themes,
            Departments = departments,
            StructureKinds = kinds,
            Summary = summary,
            Status = deadline is { } end && end <= now ? CallStatus.Closed : CallStatus.Open,
            Source = SourceTrust.Staff,
            CreatedAt = now,
        });
    }

    /// <summary>An optional web address, http or https.</summary>
    private static Uri? ReadUrl(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add("url", "Le lien doit être une adresse web complète (https://…).");
            return null;
        }
        return url;
    }

    private static DateOnly? ReadPublishedOn(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        errors.Add("publishedOn", "La date de publication doit être au format AAAA-MM-JJ.");
        return null;
    }

    private const string BadDeadline = "La date limite doit être au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM (heure de Paris).";

    /// <summary>An optional deadline, not before the publication date.</summary>
    private static DateTimeOffset? ReadDeadline(string? text, DateOnly? publishedOn, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var deadline = ParseDeadline(text.Trim());
        if (deadline is null)
        {
            errors.Add("deadline", BadDeadline);
        }
        else if (publishedOn is { } p && DateOnly.FromDateTime(ParisTime.ToParis(deadline.Value).DateTime) < p)
        {
            errors.Add("deadline", "La date limite est antérieure à la date de publication.");
        }
        return deadline;
    }

    /// <summary>
    /// A deadline staff type when they review or correct a call (optional): parsed, or an error on "deadline"; "rolling"
    /// asked beside a deadline is an error on "rolling".
    /// </summary>
    public static DateTimeOffset? ReadStaffDeadline(string? text, bool? rolling, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var deadline = ParseDeadline(text.Trim());
        if (deadline is null)
        {
            errors.Add("deadline", BadDeadline);
        }
        else if (rolling == true)
        {
            errors.Add("rolling", "Un appel « au fil de l'eau » n'a pas de date limite : donnez l'une ou l'autre.");
        }
        return deadline;
    }

    /// <summary>A bare date means "until the end of that day in Paris"; a wall-clock time is Paris time.</summary>
    public static DateTimeOffset? ParseDeadline(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ParisTime.FromLocal(day.ToDateTime(new TimeOnly(23, 59)));
        }
        string[] wallClock = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, wallClock, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ParisTime.FromLocal(local);
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmZ"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }
        return null;
    }

    private static List<string> CheckCodes(IReadOnlyList<string>? codes, string field, Func<string, bool> isKnown, string reason, ValidationErrors errors)
    {
        var result = new List<string>();
        foreach (var raw in codes ?? [])
        {
            var code = raw?.Trim() ?? string.Empty;
            if (!isKnown(code))
            {
                errors.Add(field, $"« {code} » : {reason}.");
            }
            else if (!result.Contains(code))
            {
                result.Add(code);
            }
        }
        return result;
    }
}
