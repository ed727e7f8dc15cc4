using AvecSante.Core.Common;

namespace AvecSante.Core.Space;

/// <summary>The addresses of the coordinators' space, as emails and calendar apps reach them (absolute, from settings).</summary>
public sealed class SpaceAddresses(Uri publicBaseUrl)
{
    /// <summary>The space's root under the app's routes.</summary>
    public const string Root = "/api/espace";

    public Uri Board => Absolute(Root);

    public Uri Call(string callId) => Absolute($"{Root}/appels/{Uri.EscapeDataString(callId)}");

    public Uri Sheet(string documentId) => Absolute($"{Root}/bibliotheque/{Uri.EscapeDataString(documentId)}");

    public Uri SignIn(string token, string? returnPath) =>
        Absolute($"{Root}/entrer/{token}" + (IsSpacePath(returnPath) ? "?vers=" + Uri.EscapeDataString(returnPath!) : string.Empty));

    /// <summary>webcal: makes Apple Calendar and Outlook subscribe; Google Calendar takes the https form of the same address.</summary>
    public Uri CalendarFeed(string token, bool webcal)
    {
        var https = Absolute($"{Root}/agenda/{token}.ics");
        return webcal ? new UriBuilder(https) { Scheme = "webcal", Port = https.IsDefaultPort ? -1 : https.Port }.Uri : https;
    }

    /// <summary>
    /// Only paths inside the space are followed after sign-in, so a crafted "vers" can never send anyone elsewhere
    /// (no scheme, no host, no "//", no back-slash, no dot segments).
    /// </summary>
    public static bool IsSpacePath(string? path) =>
        path is { Length: > 0 and <= 300 }
        && (path == Root || path.StartsWith(Root + "/", StringComparison.Ordinal))
        && !path.Contains("//", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains("..", StringComparison.Ordinal)
        && path.All(c => c > ' ' && c < 127);

    private Uri Absolute(string path) => new(publicBaseUrl, path.TrimStart('/'));
}
