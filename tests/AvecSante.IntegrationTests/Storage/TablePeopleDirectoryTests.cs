using AvecSante.Core.People;
using AvecSante.Infrastructure.Options;
using AvecSante.Infrastructure.Tables;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.IntegrationTests.Storage;

/// <summary>Saving alert preferences against real Azurite: only the preference columns are written.</summary>
public sealed class TablePeopleDirectoryTests : IAsyncLifetime
{
    private readonly StorageOptions _storage = new() { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.NewPrefix() };
    private TableStore _tables = null!;
    private TablePeopleDirectory _people = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _tables = new TableStore(new TableServiceClient(_storage.ConnectionString), MsOptions.Create(_storage));
        _people = new TablePeopleDirectory(_tables, MsOptions.Create(new FederationOptions()));
    }

    public async Task DisposeAsync() => await (await _tables.GetAsync(TablePeopleDirectory.TableName, CancellationToken.None)).DeleteAsync();

    [Fact]
    public async Task A_member_file_edit_made_while_a_coordinator_saves_preferences_is_kept()
    {
        await _people.TryAddAsync(new Person { Id = "p-claire", FirstName = "Claire", LastName = "Fictive", Email = "claire@example.org", Phone = "02 99 00 00 00" }, CancellationToken.None);
        var seenByThePage = (await _people.GetAsync("p-claire", CancellationToken.None))!;
        // Staff change the phone number between the page's read and its save.
        Assert.NotNull(await _people.TryUpdateAsync(seenByThePage with { Phone = "02 98 11 11 11" }, CancellationToken.None));

        var saved = await _people.SavePreferencesAsync("p-claire", seenByThePage.Preferences with { Themes = ["vaccination"], DigestEnabled = false }, CancellationToken.None);

        var now = (await _people.GetAsync("p-claire", CancellationToken.None))!;
        Assert.True(saved);
        Assert.Equal("02 98 11 11 11", now.Phone);
        Assert.Equal(["vaccination"], now.Preferences.Themes);
        Assert.False(now.Preferences.DigestEnabled);
    }

    [Fact]
    public async Task Preferences_of_someone_erased_meanwhile_are_not_saved_and_bring_no_record_back()
    {
        var saved = await _people.SavePreferencesAsync("p-gone", new AlertPreferences { AlertsEnabled = false }, CancellationToken.None);

        Assert.False(saved);
        Assert.Null(await _people.GetAsync("p-gone", CancellationToken.None));
    }
}
