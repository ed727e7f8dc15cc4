using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.UnitTests.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AvecSante.UnitTests.Members;

/// <summary>Renewal reminders across the year end, with a fake clock: January once, then the grace reminder once.</summary>
public sealed class RenewalReminderPlannerTests
{
    private static DateTimeOffset Paris(int year, int month, int day, int hour, int minute = 0) => ParisTime.FromLocal(new DateTime(year, month, day, hour, minute, 0));

    private static MemberStructure Structure(string id, string name) => new() { Id = id, Kind = "MSP", Name = name, Department = "29" };

    private static Cotisation Paid(string structureId, int year) => new() { StructureId = structureId, Year = year, Amount = 150m, PaidOn = new DateOnly(year, 2, 1) };

    private static Person Contact(string id, string structureId, params string[] roles) => new()
    {
        Id = id,
        FirstName = "Prénom" + id,
        LastName = "Exemple",
        Email = $"{id}@example.org",
        Roles = roles,
        StructureIds = [structureId],
    };

    private sealed class World
    {
        public World(DateTimeOffset now)
        {
            Clock = new FakeTimeProvider(now);
            // Unpaid for 2026: s-unpaid (a coordinator, a leader, a plain member), s-nolead (only a plain member).
            // s-paid renewed for 2026; s-left left in 2025; s-lapsed last paid 2023; s-never never paid.
            Structures =
            [
                Structure("s-unpaid", "MSP des Abers (fictive)"),
                Structure("s-nolead", "ESP de l'Odet (fictive)"),
                Structure("s-paid", "MSP du Trégor (fictive)"),
                Structure("s-left", "CPTS du Léon (fictive)") with { LeftOn = new DateOnly(2025, 10, 1) },
                Structure("s-lapsed", "CDS de Vannes (fictive)"),
                Structure("s-never", "MSP de Rennes (fictive)"),
            ];
            Cotisations =
            [
                Paid("s-unpaid", 2024), Paid("s-unpaid", 2025),
                Paid("s-nolead", 2025),
                Paid("s-paid", 2025), Paid("s-paid", 2026) with { PaidOn = new DateOnly(2025, 12, 15) },
                Paid("s-left", 2025),
                Paid("s-lapsed", 2023),
                new Cotisation { StructureId = "s-never", Year = 2026, Amount = 150m }, // called, not paid
            ];
            People =
            [
                Contact("p-coord", "s-unpaid", MemberRoles.Coordinator),
                Contact("p-lead", "s-unpaid", MemberRoles.Leader, MemberRoles.Board),
                Contact("p-member", "s-unpaid"),
                Contact("p-only", "s-nolead"),
                Contact("p-paid", "s-paid", MemberRoles.Coordinator),
                Contact("p-left", "s-left", MemberRoles.Coordinator),
                Contact("p-lapsed", "s-lapsed", MemberRoles.Coordinator),
                Contact("p-never", "s-never", MemberRoles.Coordinator),
            ];
        }

        public FakeTimeProvider Clock { get; }

        public List<MemberStructure> Structures { get; }

        public List<Cotisation> Cotisations { get; }

        public List<Person> People { get; }

        public MemoryOutbox Outbox { get; } = new();

        public MemoryState State { get; } = new();

        public RenewalReminderPlanner Planner()
        {
            var structures = new Mock<IStructureRepository>();
            structures.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Structures);
            var cotisations = new Mock<ICotisationRepository>();
            cotisations.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Cotisations);
            var people = new Mock<IPeopleRegister>();
            people.Setup(r => r.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => People);
            return new RenewalReminderPlanner(structures.Object, cotisations.Object, people.Object, Outbox, State,
                AlertSamples.Routing(Clock), Clock, MembershipStatusRules.DefaultGraceMonths, NullLogger<RenewalReminderPlanner>.Instance);
        }

        public Task<RenewalReminderReport> RunTimerAsync() => Planner().RunAsync(force: false, dryRun: false, CancellationToken.None);
    }

    [Fact]
    public async Task On_31_December_at_23_00_Paris_nothing_is_planned()
    {
        var world = new World(Paris(2025, 12, 31, 23));

        var report = await world.RunTimerAsync();

        Assert.Empty(report.Structures);
        Assert.Empty(world.Outbox.All);
    }

    [Fact]
    public async Task On_2_January_at_08_00_Paris_the_unpaid_members_contacts_get_the_January_reminder_once()
    {
        var world = new World(Paris(2026, 1, 2, 7, 59));
        Assert.False((await world.RunTimerAsync()).Acted); // before 08:00 Paris

        world.Clock.SetUtcNow(Paris(2026, 1, 2, 8));
        var report = await world.RunTimerAsync();

        Assert.True(report.Acted);
        Assert.Equal(["s-nolead", "s-unpaid"], report.Structures.Select(s => s.StructureId).Order(StringComparer.Ordinal));
        Assert.All(report.Structures, s => Assert.Equal(RenewalStages.January, s.Stage));
        Assert.All(report.Structures, s => Assert.Equal(2026, s.Year));
        // Coordinators and leaders of s-unpaid (not the plain member); the only person of s-nolead since it has no lead.
        Assert.Equal(["p-coord", "p-lead", "p-only"], world.Outbox.All.Select(m => m.RecipientId).Order(StringComparer.Ordinal));
        var message = world.Outbox.All.Single(m => m.RecipientId == "p-coord");
        Assert.Equal("p-coord|renewal-2026-janvier|membership-renewal", message.IdempotencyKey);
        Assert.Equal(RenewalStages.Kind, message.Kind);
        Assert.Equal("Renouvellement de votre adhésion 2026", message.Email.Subject);
        Assert.Contains("MSP des Abers (fictive)", message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("31 mars 2026", message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("La cotisation finance", message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pour régler", message.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", message.Email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("MSP des Abers (fictive)", message.Email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Prénomp-coord", message.Email.Render(message.Substitutions).TextBody, StringComparison.Ordinal);

        // Running again (same hour, a later hour, a forced staff run) plans nothing more.
        Assert.Equal(0, (await world.RunTimerAsync()).Planned);
        world.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await world.RunTimerAsync()).Planned);
        Assert.Equal(0, (await world.Planner().RunAsync(force: true, dryRun: false, CancellationToken.None)).Planned);
        world.Clock.SetUtcNow(Paris(2026, 1, 20, 9));
        Assert.Equal(0, (await world.RunTimerAsync()).Planned);
        Assert.Equal(3, world.Outbox.All.Count);
    }

    [Fact]
    public async Task The_first_of_January_is_a_holiday_so_the_January_stage_waits_for_the_first_working_day()
    {
        var world = new World(Paris(2026, 1, 1, 10));

        Assert.False((await world.RunTimerAsync()).Acted);
        Assert.Empty(world.Outbox.All);
    }

    [Fact]
    public async Task A_structure_that_paid_left_lapsed_or_never_joined_gets_nothing()
    {
        var world = new World(Paris(2026, 1, 2, 8));

        await world.RunTimerAsync();

        Assert.DoesNotContain(world.Outbox.All, m => m.RecipientId is "p-paid" or "p-left" or "p-lapsed" or "p-never");
    }

    [Fact]
    public async Task Paying_during_January_stops_the_grace_reminder()
    {
        var world = new World(Paris(2026, 1, 2, 8));
        await world.RunTimerAsync();
        world.Cotisations.Add(Paid("s-unpaid", 2026) with { PaidOn = new DateOnly(2026, 1, 15) });

        world.Clock.SetUtcNow(Paris(2026, 2, 2, 8));
        var report = await world.RunTimerAsync();

        Assert.Equal(["s-nolead"], report.Structures.Select(s => s.StructureId));
    }

    [Fact]
    public async Task Once_January_is_over_an_unpaid_member_in_grace_gets_the_second_reminder_once_with_the_lapse_date()
    {
        var world = new World(Paris(2026, 1, 2, 8));
        await world.RunTimerAsync();
        var january = world.Outbox.All.Count;

        // Sunday 1 February: not a working day. Monday 2 February 08:00 Paris: the grace reminder.
        world.Clock.SetUtcNow(Paris(2026, 2, 1, 10));
        Assert.False((await world.RunTimerAsync()).Acted);
        world.Clock.SetUtcNow(Paris(2026, 2, 2, 8));
        var report = await world.RunTimerAsync();

        Assert.All(report.Structures, s => Assert.Equal(RenewalStages.Grace, s.Stage));
        Assert.Equal(3, report.Planned);
        var message = world.Outbox.All.Single(m => m.IdempotencyKey == "p-coord|renewal-2026-grace|membership-renewal");
        Assert.Contains("prendra fin le 31 mars 2026", message.Email.Subject, StringComparison.Ordinal);
        Assert.Contains("1er avril 2026", message.Email.TextBody, StringComparison.Ordinal);

        Assert.Equal(0, (await world.RunTimerAsync()).Planned);
        world.Clock.SetUtcNow(Paris(2026, 3, 2, 8));
        Assert.Equal(0, (await world.RunTimerAsync()).Planned);
        Assert.Equal(january + 3, world.Outbox.All.Count);

        // Grace over: lapsed, nothing more.
        world.Clock.SetUtcNow(Paris(2026, 4, 2, 8));
        Assert.Empty((await world.RunTimerAsync()).Structures);
    }

    [Fact]
    public async Task A_dry_run_lists_the_structures_and_plans_nothing()
    {
        var world = new World(Paris(2026, 1, 3, 6)); // Saturday before 08:00: a staff dry run still answers

        var report = await world.Planner().RunAsync(force: true, dryRun: true, CancellationToken.None);

        Assert.True(report.DryRun);
        Assert.Equal(2, report.Structures.Single(s => s.StructureId == "s-unpaid").Contacts);
        Assert.Equal(1, report.Structures.Single(s => s.StructureId == "s-nolead").Contacts);
        Assert.Equal(0, report.Planned);
        Assert.Empty(world.Outbox.All);
    }
}
