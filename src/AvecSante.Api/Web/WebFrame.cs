namespace AvecSante.Api.Web;

/// <summary>The two surfaces that share the layout: the staff console and the coordinators' space.</summary>
public enum WebArea
{
    Console,
    Espace,
}

/// <summary>One entry of a surface's navigation.</summary>
public sealed record NavItem(string Label, string Href);

/// <summary>
/// What every page hands its layout: the surface, the navigation, the current address (marked aria-current), who is
/// signed in (null: nobody), and the form token of the request (every form carries it; see CsrfTokens).
/// </summary>
public sealed record WebFrame(WebArea Area, IReadOnlyList<NavItem> Navigation, string CurrentPath, string? SignedInAs, string CsrfToken, string? SignOutAction)
{
    public string AreaName => Area == WebArea.Console ? "Console de l'équipe" : "Espace des coordinations";

    public string HomeHref => Area == WebArea.Console ? WebRoutes.Console : WebRoutes.Espace;
}
