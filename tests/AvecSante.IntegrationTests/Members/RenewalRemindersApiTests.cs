using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using AvecSante.Core.Members;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Members;

/// <summary>POST /api/members/renewal-reminders through the LocalHost app on Azurite: reminders land in the outbox once.</summary>
public sealed class RenewalRemindersApiTests : IAsyncLifetime, IDisposable
{
    // Friday 2 January 2026, 09:00 Paris.
    private readonly LocalHostFactory _host = new(ParisTime.FromLocal(new DateTime(2026, 1, 2, 9, 0, 0)));

    public RenewalRemindersApiTests() => _host.Settings["Schedules:SendRenewalReminders"] = string.Empty; // the test calls the route itself

    public Task InitializeAsync() => Azurite.EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private async Task SeedAsync()
    {
        var services = _host.Services;
        var structures = services.GetRequiredService<IStructureRepository>();
        var cotisations = services.GetRequiredService<ICotisationRepository>();
        var people = services.GetRequiredService<IPeopleRegister>();
        Assert.True(await structures.TryAddAsync(new MemberStructure { Id = "s-unpaid", Kind = "MSP", Name = "MSP des Abers (fictive)", Department = "29" }, default));
        Assert.True(await structures.TryAddAsync(new MemberStructure { Id = "s-paid", Kind = "ESP", Name = "ESP du Trégor (fictive)", Department = "22" }, default));
        Assert.True(await cotisations.TrySaveAsync(new Cotisation { StructureId = "s-unpaid", Year = 2025, Amount = 150m, PaidOn = new DateOnly(2025, 2, 1), Method = "virement" }, default));
        Assert.True(await cotisations.TrySaveAsync(new Cotisation { StructureId = "s-paid", Year = 2025, Amount = 150m, PaidOn = new DateOnly(2025, 2, 1), Method = "virement" }, default));
        Assert.True(await cotisations.TrySaveAsync(new Cotisation { StructureId = "s-paid", Year = 2026, Amount = 150m, PaidOn = new DateOnly(2025, 12, 20), Method = "cheque" }, default));
        static Person P(string id, string structureId, params string[] roles) => new()
        {
            Id = id,
            FirstName = "Prénom" + id,
            LastName = "Exemple",
            Email = id + "@example.org",
            Roles = roles,
            StructureIds = [structureId],
        };
        Assert.True(await people.TryAddAsync(P("p-coord", "s-unpaid", MemberRoles.Coordinator), default));
        Assert.True(await people.TryAddAsync(P("p-lead", "s-unpaid", MemberRoles.Leader), default));
        Assert.True(await people.TryAddAsync(P("p-member", "s-unpaid"), default));
        Assert.True(await people.TryAddAsync(P("p-paid", "s-paid", MemberRoles.Coordinator), default));
    }

    private async Task<List<OutboxMessage>> RenewalsAsync() =>
        (await _host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, default)).Where(m => m.Kind == RenewalStages.Kind).ToList();

    [Fact]
    public async Task The_route_plans_the_January_reminders_in_the_outbox_once()
    {
        await SeedAsync();
        using var client = _host.CreateAdminClient();

        using var dry = await client.PostAsync(new Uri("/api/members/renewal-reminders", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((await dry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dryRun").GetBoolean());
        Assert.Empty(await RenewalsAsync());

        using var first = await client.PostAsync(new Uri("/api/members/renewal-reminders?dryRun=false", UriKind.Relative), null);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(first.StatusCode == HttpStatusCode.OK, report.ToString());
        var line = Assert.Single(report.GetProperty("structures").EnumerateArray());
        Assert.Equal("s-unpaid", line.GetProperty("structureId").GetString());
        Assert.Equal("MSP des Abers (fictive)", line.GetProperty("structureName").GetString());
        Assert.Equal("janvier", line.GetProperty("stage").GetString());
        Assert.Equal(2, line.GetProperty("contacts").GetInt32());
        Assert.Equal(2, report.GetProperty("planned").GetInt32());

        var planned = await RenewalsAsync();
        Assert.Equal(["p-coord", "p-lead"], planned.Select(m => m.RecipientId).Order(StringComparer.Ordinal));
        Assert.Contains(planned, m => m.IdempotencyKey == "p-coord|renewal-2026-janvier|membership-renewal");
        Assert.All(planned, m => Assert.Equal("Renouvellement de votre adhésion 2026", m.Email.Subject));

        using var second = await client.PostAsync(new Uri("/api/members/renewal-reminders?dryRun=false", UriKind.Relative), null);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planned").GetInt32());
        Assert.Equal(2, (await RenewalsAsync()).Count);
    }

    [Fact]
    public async Task A_bad_dryRun_value_is_a_400()
    {
        using var client = _host.CreateAdminClient();

        using var response = await client.PostAsync(new Uri("/api/members/renewal-reminders?dryRun=peut-etre", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
