using AvecSante.Core.Calls;
using AvecSante.Core.Members;

namespace AvecSante.UnitTests.Space;

internal static class SpaceTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Person Coordinator(string id = "p1", params string[] themes) => new()
    {
        Id = id,
        FirstName = "Katell",
        LastName = "Exemple",
        Email = id + "@example.org",
        StructureKind = "MSP",
        Department = "29",
        Roles = ["coordinator"],
        Preferences = new AlertPreferences { Themes = themes },
    };

    public static CallForProjects Call(string id, string theme, DateTimeOffset? deadline, string funder = "CPAM 29", params string[] departments) => new()
    {
        Id = id,
        Title = "Appel fictif " + id,
        Funder = funder,
        Source = "manual",
        Themes = [theme],
        Departments = departments,
        Deadline = deadline,
        CreatedAt = Now.AddDays(-3),
        Url = new Uri("https://www.example.org/appels/" + id),
        DeadlineEvidence = "jusqu'au lundi 14 décembre 2026 à 12h",
    };
}
