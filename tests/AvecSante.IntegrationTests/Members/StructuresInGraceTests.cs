using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Members;

/// <summary>
/// The console's « cotisations à relancer » on Azurite: the structures in grace, read from the recent years'
/// cotisations only, are the same as the full status computation over every year finds.
/// </summary>
public sealed class StructuresInGraceTests : IAsyncLifetime, IDisposable
{
    // 10 February 2027, Paris: the 2026 cotisations' grace (three months) runs until 31 March.
    private readonly LocalHostFactory _host = new(ParisTime.FromLocal(new DateTime(2027, 2, 10, 9, 0, 0)));

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_structures_in_grace_are_found_from_the_recent_years_as_from_every_year()
    {
        var structures = _host.Services.GetRequiredService<IStructureRepository>();
        var cotisations = _host.Services.GetRequiredService<ICotisationRepository>();
        var members = _host.Services.GetRequiredService<MembersService>();
        // Each structure's paid years (and, for one, a year called but not paid).
        var histories = new (string Id, string Name, int[] Paid, DateOnly? LeftOn)[]
        {
            ("s-grace-long", "MSP de l'Aber (fictive)", [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], null),
            ("s-grace-new", "ESP du Blavet (fictive)", [2026], null),
            ("s-current", "MSP de Cornouaille (fictive)", [2025, 2026, 2027], null),
            ("s-lapsed-old", "MSP du Léon (fictive)", [2010, 2011, 2012], null),
            ("s-lapsed-2025", "CPTS du Trégor (fictive)", [2024, 2025], null),
            ("s-left", "MSP de Brocéliande (fictive)", [2025, 2026], new DateOnly(2027, 1, 31)),
            ("s-called", "MSP de la Rance (fictive)", [2019], null),
        };
        foreach (var (id, name, paid, leftOn) in histories)
        {
            Assert.True(await structures.TryAddAsync(new MemberStructure { Id = id, Kind = "MSP", Name = name, Department = "29", LeftOn = leftOn }, default));
            foreach (var year in paid)
            {
                Assert.True(await cotisations.TrySaveAsync(new Cotisation { StructureId = id, Year = year, Amount = 150m, PaidOn = new DateOnly(year, 2, 1), Method = "virement" }, default));
            }
        }
        Assert.True(await cotisations.TrySaveAsync(new Cotisation { StructureId = "s-called", Year = 2026, Amount = 150m }, default)); // called, not paid

        var inGrace = await members.ListInGraceAsync(default);
        var everyYear = await members.SearchStructuresAsync(new StructureFilter(Status: MembershipStatus.Grace), default);

        Assert.Equal(["ESP du Blavet (fictive)", "MSP de l'Aber (fictive)"], inGrace.Select(s => s.Name));
        Assert.Equal(everyYear.Select(v => v.Structure.Id), inGrace.Select(s => s.Id));
        var recent = await cotisations.ListFromYearAsync(2025, default);
        Assert.All(recent, c => Assert.True(c.Year >= 2025));
        Assert.Equal(10, recent.Count); // 2025 to 2027 of the structures above, the unpaid one included
    }
}
