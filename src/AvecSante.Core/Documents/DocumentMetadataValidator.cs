using AvecSante.Core.Common;

namespace AvecSante.Core.Documents;

/// <summary>Turns upload metadata into a description, or says in French which field is wrong and why.</summary>
public static class DocumentMetadataValidator
{
    public const int MaxTitleLength = 300;
    public const int MaxStructureLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxMethodFieldLength = 8000;
    public const int MaxThemes = 6;
    public const int FirstYear = 1990;

    public static Validated<DocumentDescription> Validate(DocumentMetadata metadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var errors = new ValidationErrors();

        var title = errors.Text("title", metadata.Title, "Le titre", MaxTitleLength, "Le titre est obligatoire.");

        var kind = Kind(metadata.Kind, errors);
        var isSheet = kind == DocumentKinds.ExperienceSheet;

        var structure = errors.Text("structure", metadata.Structure, "Le nom de la structure", MaxStructureLength);

        var themes = ThemesOf(metadata.Themes, isSheet, errors);

        var lastYear = now.Year + 1;
        if (metadata.Year is { } year && (year < FirstYear || year > lastYear))
        {
            errors.Add("year", $"L'année doit être comprise entre {FirstYear} et {lastYear}.");
        }

        var department = Department(metadata.Department, errors);

        var summary = errors.Text("summary", metadata.Summary, "Le résumé", MaxSummaryLength);
        var context = Method(metadata.Context, "context", "Le contexte", isSheet, kind, errors);
        var story = Method(metadata.Story, "story", "Le déroulé", isSheet, kind, errors);
        var obstacles = Method(metadata.Obstacles, "obstacles", "Les freins", isSheet, kind, errors);
        var levers = Method(metadata.Levers, "levers", "Les leviers", isSheet, kind, errors);
        var transferability = Method(metadata.Transferability, "transferability", "La transférabilité", isSheet, kind, errors);

        if (!errors.IsEmpty)
        {
            return Validated.Invalid<DocumentDescription>(errors);
        }
        return Validated.Valid(new DocumentDescription
        {
            Title = title!,
            Kind = kind!,
            Structure = structure,
            Themes = themes,
            Year = metadata.Year,
            Department = department,
            Summary = summary,
            Context = context,
            Story = story,
            Obstacles = obstacles,
            Levers = levers,
            Transferability = transferability,
        });
    }

    private static string? Kind(string? raw, ValidationErrors errors)
    {
        var kind = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind))
        {
            errors.Add("kind", "Le type de document est obligatoire : fiche-capitalisation, projet-de-sante, compte-rendu ou autre.");
        }
        else if (!DocumentKinds.IsKnown(kind))
        {
            errors.Add("kind", $"« {kind} » : type inconnu (fiche-capitalisation, projet-de-sante, compte-rendu ou autre).");
        }
        return kind;
    }

    private static List<string> ThemesOf(IReadOnlyList<string>? codes, bool isSheet, ValidationErrors errors)
    {
        var themes = new List<string>();
        foreach (var raw in codes ?? [])
        {
            var code = raw?.Trim().ToLowerInvariant() ?? string.Empty;
            if (!Themes.IsKnown(code))
            {
                errors.Add("themes", $"« {code} » : thème inconnu (voir la liste des thèmes).");
            }
            else if (!themes.Contains(code))
            {
                themes.Add(code);
            }
        }
        if (themes.Count > MaxThemes)
        {
            errors.Add("themes", $"Au plus {MaxThemes} thèmes : gardez ceux qui comptent vraiment.");
        }
        if (isSheet && themes.Count == 0 && !errors.Fields.Contains("themes"))
        {
            errors.Add("themes", "Une fiche de capitalisation doit avoir au moins un thème : c'est ainsi que les équipes la retrouvent.");
        }
        return themes;
    }

    private static string? Department(string? raw, ValidationErrors errors)
    {
        var department = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(department))
        {
            department = null;
        }
        else if (!Departments.IsKnown(department))
        {
            errors.Add("department", $"« {department} » : département inconnu (22, 29, 35, 56 ou regional).");
        }
        return department;
    }

    private static string? Method(string? value, string field, string what, bool isSheet, string? kind, ValidationErrors errors)
    {
        var text = errors.Text(field, value, what, MaxMethodFieldLength);
        if (text is not null && !isSheet && DocumentKinds.IsKnown(kind ?? string.Empty))
        {
            // The method's fields feed the sheets' relevance for alerts: on another kind they would mislead.
            errors.Add(field, "Ce champ est réservé aux fiches de capitalisation (kind = fiche-capitalisation).");
            return null;
        }
        return text;
    }
}
