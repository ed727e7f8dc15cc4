using AvecSante.Api.Web;

namespace AvecSante.Api.Console;

/// <summary>The console's addresses and its navigation, in the order of the staff's day.</summary>
public static class ConsoleNavigation
{
    public const string Today = WebRoutes.Console;

    public const string Calls = WebRoutes.Console + "/appels";

    public const string NewCall = WebRoutes.Console + "/nouvel-appel";

    public const string Report = WebRoutes.Console + "/rapport";

    public const string Members = WebRoutes.Console + "/adherents";

    public const string People = Members + "/personnes";

    public const string Library = WebRoutes.Console + "/capitalisation";

    public const string NewSheet = WebRoutes.Console + "/nouvelle-fiche";

    public const string Sources = WebRoutes.Console + "/sources";

    public const string Sends = WebRoutes.Console + "/envois";

    public const string Events = WebRoutes.Console + "/evenements";

    public const string SignIn = WebRoutes.Console + "/connexion";

    public const string SignOut = WebRoutes.Console + "/deconnexion";

    public static IReadOnlyList<NavItem> Items { get; } =
    [
        new("Aujourd'hui", Today),
        new("Appels", Calls),
        new("Coller un appel", NewCall),
        new("Adhérents", Members),
        new("Import des adhérents", Members + "/import"),
        new("Capitalisation", Library),
        new("Rapport d'activité", Report),
        new("Sources", Sources),
        new("Envois", Sends),
        new("Événements", Events),
    ];

    /// <summary>Where to go back after signing in: a console address only, never another site.</summary>
    public static string SafeReturn(string? requested) =>
        requested is { Length: > 0 } path && path.StartsWith(WebRoutes.Console, StringComparison.Ordinal)
            && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : Today;
}
