using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Members;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace AvecSante.IntegrationTests.Storage;

/// <summary>
/// The People table against real Azurite: saving alert preferences writes only their columns; an address belongs to
/// one person at most, held by a claim written with the person.
/// </summary>
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

    private static Person Someone(string id, string email, params string[] others) =>
        new() { Id = id, FirstName = "Prénom", LastName = "Fictif", Email = email, OtherEmails = others };

    [Fact]
    public async Task Two_people_created_at_the_same_moment_with_one_address_make_one_person()
    {
        var added = await Task.WhenAll(
            _people.TryAddAsync(Someone("p-first", "accueil@example.org"), CancellationToken.None),
            _people.TryAddAsync(Someone("p-second", "Accueil@Example.org"), CancellationToken.None));

        Assert.Equal(1, added.Count(a => a));
        var everyone = await _people.ListAllAsync(CancellationToken.None);
        Assert.Equal(["accueil@example.org"], everyone.Select(p => p.Email!.ToLowerInvariant()));
    }

    [Fact]
    public async Task An_other_address_is_claimed_too_and_an_address_given_up_is_free_again()
    {
        Assert.True(await _people.TryAddAsync(Someone("p-anne", "anne@example.org", "anne.perso@example.org"), CancellationToken.None));
        Assert.False(await _people.TryAddAsync(Someone("p-copy", "anne.perso@example.org"), CancellationToken.None));

        var anne = (await _people.GetAsync("p-anne", CancellationToken.None))!;
        Assert.NotNull(await _people.TryUpdateAsync(anne with { OtherEmails = [], Email = "anne.msp@example.org" }, CancellationToken.None));

        Assert.True(await _people.TryAddAsync(Someone("p-other", "anne@example.org", "anne.perso@example.org"), CancellationToken.None));
        Assert.False(await _people.TryAddAsync(Someone("p-late", "anne.msp@example.org"), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_to_an_address_another_person_holds_is_refused_and_changes_nothing()
    {
        Assert.True(await _people.TryAddAsync(Someone("p-bob", "bob@example.org"), CancellationToken.None));
        Assert.True(await _people.TryAddAsync(Someone("p-carl", "carl@example.org"), CancellationToken.None));
        var carl = (await _people.GetAsync("p-carl", CancellationToken.None))!;

        Assert.Null(await _people.TryUpdateAsync(carl with { Email = "bob@example.org" }, CancellationToken.None));

        Assert.Equal("carl@example.org", (await _people.GetAsync("p-carl", CancellationToken.None))!.Email);
        Assert.False(await _people.TryAddAsync(Someone("p-third", "carl@example.org"), CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_and_the_import_keep_the_claims_in_step()
    {
        await _people.SaveAllAsync([Someone("p-imported", "import@example.org")], CancellationToken.None);
        Assert.False(await _people.TryAddAsync(Someone("p-typed", "import@example.org"), CancellationToken.None));

        Assert.True(await _people.DeleteAsync("p-imported", CancellationToken.None));

        Assert.True(await _people.TryAddAsync(Someone("p-typed", "import@example.org"), CancellationToken.None));
        Assert.Equal(["p-typed"], (await _people.ListAllAsync(CancellationToken.None)).Select(p => p.Id));
    }
}
