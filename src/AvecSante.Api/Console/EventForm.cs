using System.Globalization;

using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;

using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Console;

/// <summary>
/// The event form as typed (kept to show it again with its errors), and its reading into the submission the API takes.
/// Forms are one per line or separated by commas; prices one per line, « libellé : montant en euros ».
/// </summary>
public sealed record EventForm(string Title, string Kind, string Start, string End, string Venue, string Capacity, string FormSlugs, string Prices)
{
    public static EventForm Empty { get; } = new(string.Empty, EventKinds.JourneeRegionale, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static EventForm From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["title"].ToString(), form["kind"].ToString(), form["start"].ToString(), form["end"].ToString(),
            form["venue"].ToString(), form["capacity"].ToString(), form["formSlugs"].ToString(), form["prices"].ToString());
    }

    /// <summary>The submission, or the fields this form cannot even turn into one (a capacity or a price that is not a number).</summary>
    public (EventSubmission? Submission, ValidationErrors? Errors) ToSubmission()
    {
        var errors = new ValidationErrors();
        int? capacity = null;
        if (Capacity.Trim() is { Length: > 0 } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seats))
            {
                capacity = seats;
            }
            else
            {
                errors.Add("capacity", "La jauge est un nombre de places (ou vide : sans limite).");
            }
        }
        var prices = new List<EventPrice>();
        foreach (var line in Lines(Prices))
        {
            var cut = line.LastIndexOfAny([':', ';']);
            if (cut <= 0 || !decimal.TryParse(line[(cut + 1)..].Replace("€", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Number, French, out var euros))
            {
                errors.Add("prices", $"Tarif « {line} » : écrivez « libellé : montant en euros », par exemple « Adhérent : 25 ».");
                continue;
            }
            prices.Add(new EventPrice(line[..cut].Trim(), (long)Math.Round(euros * 100m)));
        }
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        return (new EventSubmission
        {
            Title = Title,
            Kind = Kind,
            Start = Start,
            End = End,
            Venue = Venue,
            Capacity = capacity,
            FormSlugs = [.. Lines(FormSlugs.Replace(',', '\n'))],
            Prices = prices,
        }, null);
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
