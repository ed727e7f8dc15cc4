namespace AvecSante.Core.Common;

/// <summary>The controlled list of themes (DOMAIN.md): codes are stable keys, labels are what people read.</summary>
public static class Themes
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sante-mentale"] = "Santé mentale",
        ["addictions"] = "Addictions",
        ["vie-affective-sexuelle"] = "Vie affective et sexuelle",
        ["nutrition-activite-physique"] = "Nutrition et activité physique",
        ["sante-environnement"] = "Santé-environnement",
        ["precarite"] = "Précarité",
        ["depistage-cancers"] = "Dépistage des cancers",
        ["vaccination"] = "Vaccination",
        ["perinatalite"] = "Périnatalité",
        ["vieillissement"] = "Vieillissement et chutes",
        ["maladies-chroniques"] = "Maladies chroniques",
        ["etp"] = "Éducation thérapeutique du patient",
        ["prevention"] = "Prévention et promotion de la santé",
        ["exercice-coordonne"] = "Exercice coordonné",
        ["acces-aux-soins"] = "Accès aux soins",
    };

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;
}
