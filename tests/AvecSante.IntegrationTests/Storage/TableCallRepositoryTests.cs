using AvecSante.Core.Calls;
using AvecSante.Infrastructure.Calls;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using AvecSante.IntegrationTests.Support;
using Azure.Data.Tables;

namespace AvecSante.IntegrationTests.Storage;

/// <summary>The calls' listing bounds against real Azurite: the deadline and reception instants as Table storage compares them.</summary>
public sealed class TableCallRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageOptions _storage = new() { ConnectionString = Azurite.ConnectionString, TablePrefix = Azurite.NewPrefix() };
    private TableCallRepository _calls = null!;
    private TableStore _tables = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureReachableAsync();
        _tables = new TableStore(new TableServiceClient(_storage.ConnectionString), Microsoft.Extensions.Options.Options.Create(_storage));
        _calls = new TableCallRepository(_tables, Microsoft.Extensions.Options.Options.Create(new FederationOptions()));
    }

    public async Task DisposeAsync()
    {
        var table = await _tables.GetAsync(TableCallRepository.TableName, CancellationToken.None);
        await table.DeleteAsync();
    }

    private Task<bool> AddAsync(string id, DateTimeOffset? deadline, DateTimeOffset createdAt, CallStatus status = CallStatus.Open, string department = "29") =>
        _calls.TryAddAsync(new CallForProjects
        {
            Id = id,
            Title = "Appel fictif " + id,
            Funder = "CPAM 29",
            Deadline = deadline,
            Departments = [department],
            Status = status,
            Source = "essai",
            CreatedAt = createdAt,
        }, CancellationToken.None);

    [Fact]
    public async Task Deadline_bounds_keep_both_ends_to_the_tick_and_leave_out_calls_without_a_deadline()
    {
        var from = Now;
        var to = Now.AddDays(14);
        await AddAsync("before", from.AddTicks(-1), Now.AddDays(-30));
        await AddAsync("at-start", from, Now.AddDays(-30));
        await AddAsync("inside", Now.AddDays(3), Now.AddDays(-30));
        await AddAsync("at-end", to, Now.AddDays(-30));
        await AddAsync("after", to.AddTicks(1), Now.AddDays(-30));
        await AddAsync("rolling", null, Now.AddDays(-30));
        await AddAsync("closed-inside", Now.AddDays(2), Now.AddDays(-30), CallStatus.Closed);

        var open = await _calls.ListAsync(new CallFilter(CallStatus.Open, DeadlineFrom: from, DeadlineTo: to), CancellationToken.None);
        var any = await _calls.ListAsync(new CallFilter(DeadlineFrom: from, DeadlineTo: to), CancellationToken.None);

        Assert.Equal(["at-start", "inside", "at-end"], open.Select(c => c.Id));
        Assert.Equal(["at-start", "closed-inside", "inside", "at-end"], any.Select(c => c.Id));
    }

    [Fact]
    public async Task A_reception_bound_keeps_the_calls_received_since_with_the_other_filters_still_applied()
    {
        var since = Now.AddDays(-1);
        await AddAsync("old", Now.AddDays(20), since.AddTicks(-1));
        await AddAsync("just-in", Now.AddDays(30), since);
        await AddAsync("new-35", Now.AddDays(10), Now, department: "35");
        await AddAsync("new-rolling", null, Now);

        var received = await _calls.ListAsync(new CallFilter(CreatedFrom: since), CancellationToken.None);
        var in29 = await _calls.ListAsync(new CallFilter(Department: "29", CreatedFrom: since), CancellationToken.None);

        Assert.Equal(["new-35", "just-in", "new-rolling"], received.Select(c => c.Id));
        Assert.Equal(["just-in", "new-rolling"], in29.Select(c => c.Id));
    }

    [Fact]
    public async Task The_listing_columns_give_the_same_calls_in_the_same_order_as_the_full_read()
    {
        await AddAsync("far", Now.AddDays(90), Now.AddDays(-5));
        await AddAsync("near", Now.AddDays(4), Now.AddDays(-5));
        await AddAsync("rolling", null, Now.AddDays(-5));
        await AddAsync("tie-b", Now.AddDays(10), Now.AddDays(-5));
        await AddAsync("tie-a", Now.AddDays(10), Now.AddDays(-5));
        await AddAsync("other-department", Now.AddDays(6), Now.AddDays(-5), department: "35");
        await AddAsync("closed", Now.AddDays(1), Now.AddDays(-5), CallStatus.Closed);
        CallFilter[] filters =
        [
            new(),
            new(CallStatus.Open, Department: "29"),
            new(Funder: "cpam", DeadlineFrom: Now, DeadlineTo: Now.AddDays(30)),
            new(Theme: "prevention"),
        ];

        foreach (var filter in filters)
        {
            var full = await _calls.ListAsync(filter, CancellationToken.None);
            var listed = await _calls.ListListingsAsync(filter, CancellationToken.None);
            Assert.Equal(full.Select(CallListing.From), listed, new ListingComparer());
        }
        var all = await _calls.ListListingsAsync(new CallFilter(), CancellationToken.None);
        Assert.Equal(["closed", "near", "other-department", "tie-a", "tie-b", "far", "rolling"], all.Select(c => c.Id));
        Assert.Equal(new CallListing("near", "Appel fictif near", "CPAM 29", Now.AddDays(4), [], CallStatus.Open), all[1], new ListingComparer());
    }

    [Fact]
    public async Task The_kept_listing_shows_a_call_added_or_corrected_since_its_last_read_even_by_another_instance()
    {
        await AddAsync("first", Now.AddDays(20), Now.AddDays(-5));
        Assert.Equal(["first"], (await _calls.ListListingsAsync(new CallFilter(), CancellationToken.None)).Select(c => c.Id));
        var otherInstance = new TableCallRepository(_tables, Microsoft.Extensions.Options.Options.Create(new FederationOptions()));

        await otherInstance.TryAddAsync(new CallForProjects { Id = "second", Title = "Appel fictif second", Funder = "ARS Bretagne", Deadline = Now.AddDays(3), Source = "essai", CreatedAt = Now }, CancellationToken.None);
        var first = await otherInstance.GetAsync("first", CancellationToken.None);
        await otherInstance.TryUpdateAsync(first! with { Title = "Appel fictif corrigé", Status = CallStatus.Closed }, CancellationToken.None);
        var listed = await _calls.ListListingsAsync(new CallFilter(), CancellationToken.None);
        var open = await _calls.ListListingsAsync(new CallFilter(CallStatus.Open), CancellationToken.None);

        Assert.Equal(["second", "first"], listed.Select(c => c.Id));
        Assert.Equal("Appel fictif corrigé", listed[1].Title);
        Assert.Equal(CallStatus.Closed, listed[1].Status);
        Assert.Equal(["second"], open.Select(c => c.Id));
    }

    /// <summary>Listings compared field by field (their themes are a list, which a record compares by reference).</summary>
    private sealed class ListingComparer : IEqualityComparer<CallListing>
    {
        public bool Equals(CallListing? x, CallListing? y) =>
            x is not null && y is not null && (x with { Themes = [] }) == (y with { Themes = [] }) && x.Themes.SequenceEqual(y.Themes);

        public int GetHashCode(CallListing obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_bounds_every_call_of_the_status_is_listed_as_before()
    {
        await AddAsync("a", Now.AddDays(-400), Now.AddDays(-500));
        await AddAsync("b", null, Now);
        await AddAsync("c", Now.AddDays(5), Now, CallStatus.ToReview);

        Assert.Equal(["a", "c", "b"], (await _calls.ListAsync(new CallFilter(), CancellationToken.None)).Select(c => c.Id));
        Assert.Equal(["c"], (await _calls.ListAsync(new CallFilter(CallStatus.ToReview), CancellationToken.None)).Select(c => c.Id));
    }
}
