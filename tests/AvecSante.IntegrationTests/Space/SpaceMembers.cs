using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace AvecSante.IntegrationTests.Space;

/// <summary>People of the member file as the space sees them, created through the admin API; and the links they are mailed.</summary>
public static partial class SpaceMembers
{
    /// <summary>A coordinator of an MSP of Finistère that paid its cotisation of <paramref name="paidYear"/> (null: never paid).</summary>
    public static async Task<string> CoordinatorAsync(HttpClient admin, string email, int? paidYear, string[] themes, string department = "29")
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var structure = await admin.PostAsync(new Uri("/api/members/structures", UriKind.Relative),
            JsonContent.Create(new { kind = "MSP", name = "MSP fictive " + Guid.NewGuid().ToString("N")[..6], department }));
        var structureId = (await structure.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        if (paidYear is { } year)
        {
            using var fee = await admin.PostAsync(new Uri($"/api/members/structures/{structureId}/cotisations", UriKind.Relative),
                JsonContent.Create(new { year, amount = 120m, paidOn = $"{year}-03-10", method = "virement", nationalShare = 30m }));
            fee.EnsureSuccessStatusCode();
        }
        using var person = await admin.PostAsync(new Uri("/api/members/people", UriKind.Relative), JsonContent.Create(new
        {
            firstName = "Katell",
            lastName = "Exemple",
            email,
            roles = new[] { "coordinator" },
            structureIds = new[] { structureId },
            preferences = new { themes },
        }));
        person.EnsureSuccessStatusCode();
        return (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The sign-in links mailed to an address, read from the local outbox's .eml files (oldest first).</summary>
    public static IReadOnlyList<Uri> SignInLinksSentTo(string mailFolder, string address)
    {
        if (!Directory.Exists(mailFolder))
        {
            return [];
        }
        return Directory.GetFiles(mailFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? string.Empty).Contains("espace", StringComparison.Ordinal))
            .OrderBy(m => m.Date)
            .Select(m => new Uri(SignInLink().Match(m.TextBody ?? string.Empty).Value))
            .ToList();
    }

    [GeneratedRegex(@"https?://\S+/api/espace/entrer/\S+")]
    private static partial Regex SignInLink();
}
