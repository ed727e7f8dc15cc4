using AvecSante.Core.Calls;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Reports;

/// <summary>An invented federation over two years (2025, 2026), deterministic: the "demo year" the documents are checked on.</summary>
internal static class ReportSamples
{
    public const int Year = 2026;

    private static readonly string[] Kinds = ["MSP", "MSP", "MSP", "MSP", "ESP", "CPTS", "CDS"];
    private static readonly string[] Depts = ["22", "29", "35", "56"];
    private static readonly string[] Funders = ["ARS Bretagne", "CPAM du Finistère", "CPAM d'Ille-et-Vilaine", "Région Bretagne", "MSA d'Armorique", "Fondation de France", "Santé publique France"];
    private static readonly string[] ThemeCodes = ["addictions", "sante-mentale", "nutrition-activite-physique", "perinatalite", "vaccination", "precarite", "etp"];

    public static ReportData Data()
    {
        var random = new Random(20261123);
        var structures = new List<MemberStructure>();
        var cotisations = new List<Cotisation>();
        for (var i = 0; i < 120; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var s = new MemberStructure
            {
                Id = $"s-{i:D4}",
                Kind = kind,
                Name = $"{kind} des Exemples n°{i} (fictive)",
                Department = Depts[i % 4],
                Commune = "Commune fictive",
                AciSignatory = kind == "MSP" && i % 5 != 0,
                JoinedOn = new DateOnly(2018 + (i % 9), 3, 1),
            };
            structures.Add(s);
            foreach (var year in new[] { 2025, 2026 })
            {
                if (s.JoinedOn!.Value.Year <= year && !(year == 2026 && i % 17 == 0))
                {
                    cotisations.Add(new Cotisation { StructureId = s.Id, Year = year, Amount = kind == "CPTS" ? 300m : 150m, NationalShare = 30m, PaidOn = new DateOnly(year, 2 + (i % 6), 10), Method = "virement" });
                }
            }
        }

        var events = new List<EventWithTickets>();
        var eventKinds = new[] { EventKinds.JourneeRegionale, EventKinds.BienDansMaMsp, EventKinds.BienDansMesBaskets, EventKinds.JourneeCoordinateurs };
        for (var i = 0; i < 8; i++)
        {
            var year = i < 3 ? 2025 : 2026;
            var e = new Event
            {
                Id = $"e-{i}",
                Title = $"{EventKinds.Label(eventKinds[i % 4])} {year} (démo)",
                Kind = eventKinds[i % 4],
                StartsAt = new DateTimeOffset(year, 3 + i, 12, 8, 30, 0, TimeSpan.Zero),
                EndsAt = new DateTimeOffset(year, 3 + i, 12, 16, 0, 0, TimeSpan.Zero),
                Venue = "Rennes (lieu fictif)",
                Capacity = 120,
            };
            var tickets = Enumerable.Range(0, 40 + (i * 9)).Select(t => new Ticket
            {
                Key = $"webhook~{i}-{t}",
                EventId = e.Id,
                Source = "webhook",
                ExternalId = $"{i}-{t}",
                AmountCents = t % 3 == 0 ? 4000 : 2500,
                Attendee = new Attendee("Prénom", "Exemple", $"p{i}-{t}@example.org"),
                Status = t % 15 == 0 ? TicketStatus.Cancelled : TicketStatus.Confirmed,
                Attended = i == 7 ? null : t % 6 != 0,
            }).ToList();
            events.Add(new EventWithTickets(e, tickets));
        }

        var calls = new List<CallForProjects>();
        for (var i = 0; i < 160; i++)
        {
            var year = i % 2 == 0 ? 2025 : 2026;
            var published = new DateOnly(year, 1 + (i % 12), 1 + (i % 27));
            var funder = Funders[i % Funders.Length];
            var window = funder.StartsWith("CPAM", StringComparison.Ordinal) ? 14 + random.Next(15) : 20 + random.Next(60);
            calls.Add(new CallForProjects
            {
                Id = $"c-{i}",
                Title = $"Appel à projets fictif n°{i} — prévention",
                Funder = funder,
                PublishedOn = published,
                Deadline = i % 11 == 0 ? null : new DateTimeOffset(published.AddDays(window).ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero),
                IsRolling = i % 11 == 0,
                Themes = [ThemeCodes[i % ThemeCodes.Length], ThemeCodes[(i + 3) % ThemeCodes.Length]],
                Departments = [i % 3 == 0 ? "regional" : Depts[i % 4]],
                Source = "manual",
                CreatedAt = new DateTimeOffset(published.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            });
        }

        var sends = new Dictionary<int, SendTotals>();
        foreach (var year in new[] { 2025, 2026 })
        {
            var list = new List<SendRecord>();
            for (var i = 0; i < (year == 2026 ? 900 : 600); i++)
            {
                var kind = (i % 10) switch { < 6 => "call-new", < 8 => "call-reminder", 8 => "digest", _ => "ticket-confirmation" };
                var channel = (i % 7) switch { 0 => "Teams", 1 => "TenantEmail", _ => "Email" };
                var status = i % 53 == 0 ? "Failed" : i % 97 == 0 ? "Pending" : "Sent";
                list.Add(new SendRecord(kind, channel, status, $"p-{i % 45}", new DateTimeOffset(year, 1 + (i % 12), 5, 8, 0, 0, TimeSpan.Zero)));
            }
            sends[year] = SendTotals.Of(list);
        }

        var documents = Enumerable.Range(0, 14).Select(i => new DocumentSummary
        {
            Id = $"d-{i}",
            Title = $"Fiche de capitalisation fictive n°{i}",
            Kind = DocumentKinds.ExperienceSheet,
            Structure = $"MSP des Exemples n°{i} (fictive)",
            Themes = [ThemeCodes[i % ThemeCodes.Length]],
            Year = 2024 + (i % 3),
            Department = Depts[i % 4],
            VersionCount = 1,
            ContentType = "application/pdf",
            FileName = "fiche.pdf",
            Size = 1000,
            Sha256 = new string('a', 64),
            CreatedAt = new DateTimeOffset(i < 5 ? 2025 : 2026, 1 + (i % 12), 3, 10, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero),
        }).ToList();

        return new ReportData { Structures = structures, Cotisations = cotisations, Events = events, Calls = calls, Sends = sends, Documents = documents };
    }

    public static AnnualReport Report(ReportData? data = null) =>
        AnnualReportCalculator.Compute(Year, "AVECsanté Bretagne", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), data ?? Data());
}
