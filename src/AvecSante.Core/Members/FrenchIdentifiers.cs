namespace AvecSante.Core.Members;

/// <summary>Format and check-digit rules of the French identifiers a structure may have.</summary>
public static class FrenchIdentifiers
{
    /// <summary>SIREN of La Poste: its establishments' SIRET do not follow Luhn but have a digit sum divisible by 5.</summary>
    private const string LaPosteSiren = "356000000";

    /// <summary>Removes the spaces, dots and dashes people type inside identifiers ("123 456 789 00012").</summary>
    public static string Compact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat(value.Where(c => c is not (' ' or '.' or '-' or '\u00A0' or '\u202F')));
    }

    /// <summary>14 digits with a valid Luhn key (SIREN + NIC); La Poste's establishments use a sum-of-digits rule.</summary>
    public static bool IsValidSiret(string siret)
    {
        ArgumentNullException.ThrowIfNull(siret);
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (siret.StartsWith(LaPosteSiren, StringComparison.Ordinal))
        {
            return Luhn(siret) || siret.Sum(c => c - '0') % 5 == 0;
        }
        return Luhn(siret);
    }

    public static bool IsValidSiren(string siren) =>
        siren is { Length: 9 } && siren.All(char.IsAsciiDigit) && Luhn(siren);

    /// <summary>
    /// FINESS: 9 characters, the first two the department (2A/2B in Corsica), the last a check digit. For numeric numbers
    /// the key is the Luhn digit of the first eight (checked against published numbers, e.g. 010003820 and 010003812);
    /// Corsican numbers are checked for format only, as we found no reliable statement of their key.
    /// </summary>
    public static bool IsValidFiness(string finess)
    {
        ArgumentNullException.ThrowIfNull(finess);
        if (finess.Length != 9)
        {
            return false;
        }
        if (finess.StartsWith("2A", StringComparison.OrdinalIgnoreCase) || finess.StartsWith("2B", StringComparison.OrdinalIgnoreCase))
        {
            return finess[2..].All(char.IsAsciiDigit);
        }
        return finess.All(char.IsAsciiDigit) && Luhn(finess);
    }

    /// <summary>Luhn (mod 10): from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10.</summary>
    public static bool Luhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The digit that completes <paramref name="digits"/> into a valid Luhn number (for test data and samples).</summary>
    public static char LuhnKey(string digits)
    {
        for (var k = '0'; k <= '9'; k++)
        {
            if (Luhn(digits + k))
            {
                return k;
            }
        }
        throw new InvalidOperationException("No Luhn key exists.");
    }
}
