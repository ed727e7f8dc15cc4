namespace AvecSante.Api.Composition;

/// <summary>
/// A match timeout for every regular expression of the process that sets none of its own, so no pattern can hold a
/// thread for long on outside text. The runtime reads it once, when the first pattern is built: hosts call
/// <see cref="Apply"/> first thing. The normaliser's own patterns carry the same timeout and read it as "not found".
/// </summary>
public static class RegexDefaults
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static void Apply() => AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", MatchTimeout);
}
