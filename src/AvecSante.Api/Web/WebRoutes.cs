namespace AvecSante.Api.Web;

/// <summary>
/// Where the pages live. The Functions host serves every HTTP function under its route prefix "/api" (host.json), and
/// the LocalHost does the same, so pages are catalogue routes like any other: "console/…" and "espace/…" are served at
/// /api/console/… and /api/espace/… by both hosts. Links in pages are absolute paths built from these constants.
/// </summary>
public static class WebRoutes
{
    public const string Prefix = "/api/";

    public const string Console = Prefix + "console";

    public const string Espace = Prefix + "espace";

    public const string Stylesheet = Prefix + "web/site.css";

    /// <summary>Cookies are scoped to the app's routes, never the whole site.</summary>
    public const string CookiePath = "/api/";
}
