using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace AvecSante.Core.Ticketing;

/// <summary>What identifies a person in a raw payload: their email addresses and their first and last name.</summary>
public sealed record PersonalTerms(IReadOnlyList<string> Emails, string? FirstName, string? LastName)
{
    /// <summary>"First Last", or null when either part is missing.</summary>
    public string? FullName =>
        string.IsNullOrWhiteSpace(FirstName) || string.IsNullOrWhiteSpace(LastName) ? null : $"{FirstName.Trim()} {LastName.Trim()}";

    public static PersonalTerms Of(string email, IEnumerable<string> otherEmails, string? firstName, string? lastName) =>
        new(
            new[] { email }.Concat(otherEmails ?? [])
                .Where(e => !string.IsNullOrWhiteSpace(e))
                .Select(e => e.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(),
            firstName,
            lastName);
}

/// <summary>
/// GDPR erasure of a raw ticketing payload (a HelloAsso notification, a webhook submission). In JSON, an object that is
/// the person's (it holds one of their emails, or their first and last name as two properties, as HelloAsso's payer
/// and user objects do) has its personal properties (names, email, address, birth date, phone…) replaced by
/// <see cref="Placeholder"/>, and every string that contains one of their emails or their full name has it replaced.
/// A body that is not JSON gets the text replacement alone. Other people of the same order are left as they are.
/// </summary>
public static class RawPayloadRedactor
{
    public const string Placeholder = "[effacé]";

    /// <summary>Letters stay readable in the rewritten JSON ("[effacé]", not "[effac\u00E9]"); markup characters stay escaped.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly HashSet<string> PersonalKeys = new(
        ["firstName", "lastName", "email", "address", "city", "zipCode", "dateOfBirth", "phone", "phoneNumber", "company"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The redacted bytes, or null when the body does not mention the person (nothing to rewrite).</summary>
    public static byte[]? Redact(byte[] body, PersonalTerms terms)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Emails.Count == 0 && terms.FullName is null)
        {
            return null;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is null)
        {
            var text = Encoding.UTF8.GetString(body);
            var replaced = ReplaceTerms(RedactDelimitedLines(text, terms), terms);
            return string.Equals(replaced, text, StringComparison.Ordinal) ? null : Encoding.UTF8.GetBytes(replaced);
        }
        var changed = false;
        var walked = Walk(root, terms, ref changed);
        return changed ? Encoding.UTF8.GetBytes(walked!.ToJsonString(Output)) : null;
    }

    /// <summary>
    /// A delimited text (an attendance sheet: cells separated by ';'): a line that holds one of their emails, or their
    /// first and last names as two cells, has those cells replaced. Other lines are left as they are.
    /// </summary>
    private static string RedactDelimitedLines(string text, PersonalTerms terms)
    {
        if (!text.Contains(';', StringComparison.Ordinal))
        {
            return text;
        }
        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(';');
            static bool Is(string cell, string? value) =>
                value is not null && string.Equals(cell.Trim().Trim('"').Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase);
            var hasEmail = cells.Any(c => terms.Emails.Any(e => Is(c, e)));
            var hasNames = cells.Any(c => Is(c, terms.FirstName)) && cells.Any(c => Is(c, terms.LastName));
            if (!hasEmail && !hasNames)
            {
                continue;
            }
            for (var c = 0; c < cells.Length; c++)
            {
                if (Is(cells[c], terms.FirstName) || Is(cells[c], terms.LastName) || terms.Emails.Any(e => Is(cells[c], e)))
                {
                    cells[c] = cells[c].EndsWith('\r') ? Placeholder + "\r" : Placeholder;
                }
            }
            lines[i] = string.Join(';', cells);
            changed = true;
        }
        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>True when the text holds one of the person's emails or their full name (case ignored).</summary>
    public static bool Mentions(string text, PersonalTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Emails.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase))
            || (terms.FullName is { } name && text.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonNode? Walk(JsonNode? node, PersonalTerms terms, ref bool changed)
    {
        switch (node)
        {
            case JsonObject obj:
                var theirs = IsTheirs(obj, terms);
                foreach (var (key, child) in obj.ToList())
                {
                    if (theirs && PersonalKeys.Contains(key) && child is JsonValue value && value.TryGetValue<string>(out var s) && s != Placeholder)
                    {
                        obj[key] = Placeholder;
                        changed = true;
                        continue;
                    }
                    var walked = Walk(child, terms, ref changed);
                    if (!ReferenceEquals(walked, child))
                    {
                        obj[key] = walked;
                    }
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var walked = Walk(child, terms, ref changed);
                    if (!ReferenceEquals(walked, child))
                    {
                        array[i] = walked;
                    }
                }
                return array;
            case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                var replaced = ReplaceTerms(text, terms);
                if (ReferenceEquals(replaced, text))
                {
                    return leaf;
                }
                changed = true;
                return JsonValue.Create(replaced);
            default:
                return node;
        }
    }

    private static bool IsTheirs(JsonObject obj, PersonalTerms terms)
    {
        string? first = null, last = null;
        foreach (var (key, child) in obj)
        {
            if (child is not JsonValue value || !value.TryGetValue<string>(out var s))
            {
                continue;
            }
            if (terms.Emails.Any(e => string.Equals(e, s.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
            if (string.Equals(key, "firstName", StringComparison.OrdinalIgnoreCase))
            {
                first = s;
            }
            else if (string.Equals(key, "lastName", StringComparison.OrdinalIgnoreCase))
            {
                last = s;
            }
        }
        return terms.FullName is not null
            && string.Equals(first?.Trim(), terms.FirstName!.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(last?.Trim(), terms.LastName!.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text with every email and the full name replaced; the same instance when none occurs.</summary>
    private static string ReplaceTerms(string text, PersonalTerms terms)
    {
        if (!Mentions(text, terms))
        {
            return text;
        }
        var result = text;
        foreach (var term in terms.Emails.Append(terms.FullName).OfType<string>().OrderByDescending(t => t.Length))
        {
            result = result.Replace(term, Placeholder, StringComparison.OrdinalIgnoreCase);
        }
        return result;
    }
}
