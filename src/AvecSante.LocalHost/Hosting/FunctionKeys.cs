using System.Security.Cryptography;
using System.Text;
using AvecSante.Api.Http;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// Function keys as the Functions host checks them for AuthorizationLevel.Function: the x-functions-key header or the
/// code query parameter must hold one of the configured keys (settings "FunctionKeys:{name}").
/// </summary>
public sealed class FunctionKeys(IReadOnlyDictionary<string, string> keys)
{
    public const string Section = "FunctionKeys";

    /// <summary>The name of the key presented, or null when none matches.</summary>
    public string? Identify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers["x-functions-key"].ToString();
        if (presented.Length == 0)
        {
            presented = request.Query["code"].ToString();
        }
        if (presented.Length == 0)
        {
            return null;
        }
        var bytes = Encoding.UTF8.GetBytes(presented);
        foreach (var (name, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key)))
            {
                return name;
            }
        }
        return null;
    }

    public static IResult Unauthorized() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "Clé d'accès manquante ou invalide.",
            "Cette route d'administration demande une clé de fonction (en-tête x-functions-key ou paramètre code).");
}

public static class FunctionKeysRegistration
{
    public static IServiceCollection AddFunctionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = configuration.GetSection(FunctionKeys.Section).GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => k.Value!, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "Setting 'FunctionKeys:default' (or any 'FunctionKeys:{name}') is required: admin routes need at least one key.");
        }
        return services.AddSingleton(new FunctionKeys(keys));
    }
}
