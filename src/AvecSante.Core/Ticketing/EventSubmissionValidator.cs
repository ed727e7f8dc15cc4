using System.Globalization;
using System.Text.RegularExpressions;
using AvecSante.Core.Common;

namespace AvecSante.Core.Ticketing;

/// <summary>Turns a submission into an event, or says in French which field is wrong and why.</summary>
public static partial class EventSubmissionValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxCapacity = 100_000;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public static Validated<Event> Validate(EventSubmission submission, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new ValidationErrors();

        var title = errors.Text("title", submission.Title, "Le titre", MaxTitleLength, "Le titre est obligatoire.");

        var kind = submission.Kind?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind) || !EventKinds.IsKnown(kind))
        {
            errors.Add("kind", "Type d'événement inconnu : " + string.Join(", ", EventKinds.Labels.Keys) + ".");
        }

        var (start, end) = ReadPeriod(submission, errors);

        if (submission.Capacity is { } capacity && capacity is < 1 or > MaxCapacity)
        {
            errors.Add("capacity", $"La jauge doit être comprise entre 1 et {MaxCapacity} (ou absente : sans limite).");
        }

        var slugs = ReadFormSlugs(submission.FormSlugs, errors);
        var prices = ReadPrices(submission.Prices, errors);

        if (!errors.IsEmpty)
        {
            return Validated.Invalid<Event>(errors);
        }
        return Validated.Valid(new Event
        {
            Id = IdFor(kind!, title!, start!.Value),
            Title = title!,
            Kind = kind!,
            StartsAt = start.Value,
            EndsAt = end!.Value,
            Venue = string.IsNullOrWhiteSpace(submission.Venue) ? null : submission.Venue.Trim(),
            Capacity = submission.Capacity,
            FormSlugs = slugs,
            Prices = prices,
            CreatedAt = now,
        });
    }

    /// <summary>Start and end, both required in Paris time, the end after the start.</summary>
    private static (DateTimeOffset? Start, DateTimeOffset? End) ReadPeriod(EventSubmission submission, ValidationErrors errors)
    {
        var start = ParseParis(submission.Start);
        if (start is null)
        {
            errors.Add("start", "Le début est obligatoire, au format AAAA-MM-JJTHH:MM (heure de Paris).");
        }
        var end = ParseParis(submission.End);
        if (end is null)
        {
            errors.Add("end", "La fin est obligatoire, au format AAAA-MM-JJTHH:MM (heure de Paris).");
        }
        else if (start is not null && end <= start)
        {
            errors.Add("end", "La fin doit être postérieure au début.");
        }
        return (start, end);
    }

    /// <summary>The HelloAsso forms of the event, lower-cased, each once.</summary>
    private static List<string> ReadFormSlugs(IReadOnlyList<string>? formSlugs, ValidationErrors errors)
    {
        var slugs = new List<string>();
        foreach (var raw in formSlugs ?? [])
        {
            var slug = raw?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!Slug().IsMatch(slug))
            {
                errors.Add("formSlugs", $"« {raw} » n'est pas un identifiant de formulaire (lettres minuscules, chiffres et tirets).");
            }
            else if (!slugs.Contains(slug))
            {
                slugs.Add(slug);
            }
        }
        return slugs;
    }

    private static List<EventPrice> ReadPrices(IReadOnlyList<EventPrice>? submitted, ValidationErrors errors)
    {
        var prices = new List<EventPrice>();
        foreach (var price in submitted ?? [])
        {
            if (price is null || string.IsNullOrWhiteSpace(price.Label) || price.AmountCents < 0)
            {
                errors.Add("prices", "Chaque tarif a un libellé et un montant en centimes positif ou nul.");
                continue;
            }
            prices.Add(price with { Label = price.Label.Trim() });
        }
        return prices;
    }

    /// <summary>The same event posted twice lands on the same id: kind, title and start instant.</summary>
    public static string IdFor(string kind, string title, DateTimeOffset start) =>
        "ev" + StableKeys.Digest($"{kind}|{title.ToLowerInvariant()}|{start.UtcDateTime:O}", 14);

    private static DateTimeOffset? ParseParis(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ParisTime.FromLocal(local);
        }
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mmK", CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            ? instant
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex Slug();
}
