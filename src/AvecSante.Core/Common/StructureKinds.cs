namespace AvecSante.Core.Common;

/// <summary>Kinds of structures (DOMAIN.md codes) a call can be open to or a person can work in.</summary>
public static class StructureKinds
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MSP"] = "Maison de santé pluriprofessionnelle",
        ["ESP"] = "Équipe de soins primaires",
        ["CDS"] = "Centre de santé",
        ["CPTS"] = "Communauté professionnelle territoriale de santé",
        ["ASSOCIATION"] = "Association",
        ["COLLECTIVITE"] = "Collectivité",
        ["ETABLISSEMENT"] = "Établissement de santé ou médico-social",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);
}
