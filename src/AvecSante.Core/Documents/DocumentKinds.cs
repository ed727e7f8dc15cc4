namespace AvecSante.Core.Documents;

/// <summary>The kinds of documents the library holds: codes are stable keys, labels are what people read.</summary>
public static class DocumentKinds
{
    public const string ExperienceSheet = "fiche-capitalisation";
    public const string HealthProject = "projet-de-sante";
    public const string Minutes = "compte-rendu";
    public const string Other = "autre";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ExperienceSheet] = "Fiche de capitalisation",
        [HealthProject] = "Projet de santé",
        [Minutes] = "Compte rendu",
        [Other] = "Autre document",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);
}
