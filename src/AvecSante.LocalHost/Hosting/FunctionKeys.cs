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
    /// <summary>Keys are read when the host starts (not at registration), and the host refuses to start without one.</summary>
    public static IServiceCollection AddFunctionKeys(this IServiceCollection services)
    {
        services.AddSingleton(sp => new FunctionKeys(Read(sp.GetRequiredService<IConfiguration>())));
        services.AddOptions<FunctionKeysCheck>().Configure<IConfiguration>((check, configuration) => check.Count = Read(configuration).Count)
            .Validate(check => check.Count > 0,
                "Setting 'FunctionKeys:default' (or any 'FunctionKeys:{name}') is required: admin routes need at least one key.")
            .ValidateOnStart();
        return services;
    }

    private static Dictionary<string, string> Read(IConfiguration configuration) =>
        configuration.GetSection(FunctionKeys.Section).GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => k.Key, k => k.Value!, StringComparer.Ordinal);

    /// <summary>Only carries the number of keys to the start-up validation.</summary>
    private sealed class FunctionKeysCheck
    {
        public int Count { get; set; }
    }
}
