namespace AvecSante.Core.Common;

/// <summary>Field-by-field reasons, in French, why an input was refused (becomes a problem+json "errors" map).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(message);
    }

    /// <summary>
    /// The trimmed text, or null when it is empty or refused: longer than <paramref name="maxLength"/> ("{what} dépasse
    /// N caractères"), or empty when a <paramref name="requiredMessage"/> is given.
    /// </summary>
    public string? Text(string field, string? value, string what, int maxLength, string? requiredMessage = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (requiredMessage is not null)
            {
                Add(field, requiredMessage);
            }
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(field, $"{what} dépasse {maxLength} caractères.");
            return null;
        }
        return text;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IEnumerable<string> Fields => _errors.Keys;
}

/// <summary>Either a valid value or the reasons it is not one.</summary>
public sealed class Validated<T>
    where T : class
{
    internal Validated(T? value, ValidationErrors? errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }

    public ValidationErrors? Errors { get; }
}

public static class Validated
{
    public static Validated<T> Valid<T>(T value)
        where T : class => new(value, null);

    public static Validated<T> Invalid<T>(ValidationErrors errors)
        where T : class => new(null, errors);
}
