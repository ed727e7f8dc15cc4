namespace AvecSante.Core.Common;

/// <summary>The four Breton departments, plus the two wider scopes a call can have.</summary>
public static class Departments
{
    public const string Regional = "regional";
    public const string National = "national";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["22"] = "Côtes-d'Armor",
        ["29"] = "Finistère",
        ["35"] = "Ille-et-Vilaine",
        ["56"] = "Morbihan",
        [Regional] = "Toute la Bretagne",
        [National] = "National",
    };

    public static bool IsBreton(string code) => code is "22" or "29" or "35" or "56";

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    /// <summary>True when a call of this scope concerns someone in <paramref name="department"/>.</summary>
    public static bool Covers(string scope, string department) =>
        scope is Regional or National || string.Equals(scope, department, StringComparison.Ordinal);

    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;
}
