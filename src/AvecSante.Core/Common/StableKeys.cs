using System.Security.Cryptography;
using System.Text;

namespace AvecSante.Core.Common;

/// <summary>
/// Table keys must not hold raw emails, free text or the characters Azure forbids (/ \ # ? and controls):
/// we key on short SHA-256 digests of the natural identity instead.
/// </summary>
public static class StableKeys
{
    public static string Digest(string text, int hexLength = 32)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..hexLength];
    }

    /// <summary>True when <paramref name="key"/> is safe as a PartitionKey or RowKey.</summary>
    public static bool IsSafe(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
