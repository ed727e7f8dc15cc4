using Microsoft.AspNetCore.Http;

namespace AvecSante.Api.Http;

/// <summary>The query string read the same way on every route and page: a blank parameter is an absent one.</summary>
public static class QueryValues
{
    /// <summary>Longer than this, a search box's words are not a person's: read as no filter.</summary>
    public const int SearchMaxLength = 200;

    /// <summary>The trimmed value; null when blank, or longer than <paramref name="maxLength"/> (a filter nobody types).</summary>
    public static string? Text(IQueryCollection query, string name, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(query);
        var value = query[name].ToString().Trim();
        return value.Length == 0 || value.Length > maxLength ? null : value;
    }

    /// <summary>A true/false parameter, <paramref name="absent"/> when blank; false when it is something else (the caller answers 400).</summary>
    public static bool TryFlag(IQueryCollection query, string name, bool absent, out bool value)
    {
        value = absent;
        return Text(query, name) is not { } text || bool.TryParse(text, out value);
    }
}
