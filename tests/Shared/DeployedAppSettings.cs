using System.Text.RegularExpressions;

namespace AvecSante.Tests.Shared;

/// <summary>
/// The app settings infra/main.bicep gives the Functions app, as configuration keys (Section:Key), with the deployer's
/// parameters and Key Vault references resolved to example values.
/// </summary>
internal static partial class DeployedAppSettings
{
    // What the deployer passes as parameters, and what Key Vault references resolve to, for these checks.
    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["federationId"] = "bretagne",
        ["emailFromAddress"] = "alertes@example.org",
        ["publicBaseUrl"] = "https://avecsante.example.org/",
        ["sendGridBaseUrl"] = "https://api.eu.sendgrid.com",
    };

    public const string VaultSecret = "secret-from-key-vault-0123456789-abcdefghij";

    [GeneratedRegex(@"\{ name: '(?<name>\w+)', value: (?<value>'[^']*'|[\w.]+) \}")]
    private static partial Regex AppSetting();

    [GeneratedRegex(@"\$\{(?<parameter>\w+)\}")]
    private static partial Regex Interpolation();

    public static Dictionary<string, string?> Read()
    {
        var bicep = File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep"));
        var appSettings = bicep[bicep.IndexOf("appSettings: [", StringComparison.Ordinal)..];
        return AppSetting().Matches(appSettings).ToDictionary(
            m => m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal),
            m => (string?)Resolve(m.Groups["value"].Value.Trim()),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A Bicep value: a literal, an interpolated literal, a parameter, a Key Vault reference or a resource property.</summary>
    private static string Resolve(string expression)
    {
        if (expression.StartsWith("'@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return VaultSecret;
        }
        if (expression.StartsWith('\''))
        {
            return Interpolation().Replace(expression.Trim('\''), m => Parameters[m.Groups["parameter"].Value]);
        }
        if (Parameters.TryGetValue(expression, out var parameter))
        {
            return parameter;
        }
        // storage.properties.primaryEndpoints.table, insights.properties.ConnectionString, storage.name…
        return expression.Contains("primaryEndpoints", StringComparison.Ordinal) ? "https://stexample.core.windows.net/" : "resource-value";
    }
}
