using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;

namespace AvecSante.UnitTests.Calls.Ingestion;

public sealed class CallRecordFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CallForProjects Call(string id, string title, string funder = "Région Île-de-France", DateTimeOffset? deadline = null, string source = "listing") => new()
    {
        Id = id,
        Title = title,
        Funder = funder,
        Source = source,
        Deadline = deadline ?? new DateTimeOffset(2027, 1, 30, 12, 0, 0, TimeSpan.FromHours(1)),
        Sightings = [new CallSighting(source, "https://example.org/" + id, Now)],
    };

    [Fact]
    public void Sister_calls_with_near_identical_titles_stay_two_calls()
    {
        Assert.False(CallRecordFactory.IsSameCall(Call("a", "Challenge IA pour la Santé"), Call("b", "Challenge IA pour l'Industrie")));
    }

    [Fact]
    public void The_same_call_spelt_differently_by_two_sources_is_one_call()
    {
        Assert.True(CallRecordFactory.IsSameCall(Call("a", "Appel à projets : Challenge IA pour la santé"), Call("b", "Challenge IA pour la Santé !")));
    }

    [Fact]
    public void Editions_with_another_deadline_or_funder_stay_apart()
    {
        var edition2026 = Call("a", "Prévention des addictions");
        Assert.False(CallRecordFactory.IsSameCall(edition2026, Call("b", "Prévention des addictions", deadline: new DateTimeOffset(2028, 1, 30, 12, 0, 0, TimeSpan.FromHours(1)))));
        Assert.False(CallRecordFactory.IsSameCall(edition2026, Call("c", "Prévention des addictions", funder: "CPAM 29")));
    }

    [Fact]
    public void A_deadline_moved_by_the_originating_source_is_recorded_as_a_change()
    {
        var known = Call("a", "Prévention des addictions");
        var moved = Call("a", "Prévention des addictions", deadline: new DateTimeOffset(2027, 2, 13, 12, 0, 0, TimeSpan.FromHours(1)));

        var (merged, changes, touched) = CallRecordFactory.Merge(known, moved, SourceTrustLevel.Aggregator, Now);

        Assert.True(touched);
        var change = Assert.Single(changes);
        Assert.Equal(("deadline", "2027-01-30T12:00+01:00", "2027-02-13T12:00+01:00"), (change.Field, change.From, change.To));
        Assert.Equal(moved.Deadline, merged.Deadline);
        Assert.Single(merged.History);
    }

    [Theory]
    [InlineData("listing", SourceTrustLevel.FunderSite)]
    [InlineData("manual", SourceTrustLevel.FunderSite)]
    [InlineData("manual", SourceTrustLevel.Aggregator)]
    public void A_source_below_the_originating_one_adds_a_sighting_and_a_disagreement_and_moves_nothing(string origin, SourceTrustLevel incomingTrust)
    {
        var known = Call("a", "Prévention des addictions", source: origin);
        var moved = Call("a", "Prévention des addictions (flux)", deadline: new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.FromHours(1)), source: "ars-rss")
            with
        { Status = CallStatus.Closed };

        var (merged, changes, touched) = CallRecordFactory.Merge(known, moved, incomingTrust, Now);
        var (again, _, touchedAgain) = CallRecordFactory.Merge(merged, moved, incomingTrust, Now);

        Assert.True(touched);
        Assert.Empty(changes);
        Assert.Equal((known.Deadline, known.Title, known.Status), (merged.Deadline, merged.Title, merged.Status));
        Assert.Equal([origin, "ars-rss"], merged.Sightings.Select(s => s.Source));
        var disagreement = Assert.Single(merged.Disagreements);
        Assert.Equal(("ars-rss", "deadline", "2027-01-02T12:00+01:00", "2027-01-30T12:00+01:00"), (disagreement.Source, disagreement.Field, disagreement.Theirs, disagreement.Kept));
        Assert.False(touchedAgain); // the same claim again is not recorded twice
        Assert.Single(again.Disagreements);
    }

    [Fact]
    public void The_trust_order_is_staff_then_the_originating_source_then_funder_sites_then_aggregators()
    {
        var byListing = Call("a", "Prévention des addictions", source: "listing");

        Assert.Equal(SourceTrustLevel.Staff, SourceTrust.Of(byListing, SourceTrust.Staff, SourceTrustLevel.Aggregator));
        Assert.Equal(SourceTrustLevel.OriginatingSource, SourceTrust.Of(byListing, "listing", SourceTrustLevel.Aggregator));
        Assert.Equal(SourceTrustLevel.FunderSite, SourceTrust.Of(byListing, "ars-rss", SourceTrustLevel.FunderSite));
        Assert.Equal(SourceTrustLevel.Aggregator, SourceTrust.Of(byListing, "carenews", SourceTrustLevel.Aggregator));
        Assert.True(SourceTrust.MayChange(byListing, SourceTrust.Staff, SourceTrustLevel.Aggregator));
        Assert.False(SourceTrust.MayChange(byListing with { Source = SourceTrust.Staff }, "listing", SourceTrustLevel.FunderSite));
    }

    [Fact]
    public void Another_sources_teaser_is_a_sighting_not_a_change_of_the_call()
    {
        var known = Call("a", "Santé mentale des jeunes") with { Summary = "L'appel complet, lu sur le site de l'ARS." };
        var teaser = Call("a", "AAP Santé mentale des jeunes (flux)", source: "ars-rss") with { Summary = "Deux lignes du flux.", Deadline = null };

        var (merged, changes, touched) = CallRecordFactory.Merge(known, teaser, SourceTrustLevel.FunderSite, Now);

        Assert.Empty(changes);
        Assert.True(touched);
        Assert.Equal(known.Title, merged.Title);
        Assert.Equal(known.Summary, merged.Summary);
        Assert.Equal(2, merged.Sightings.Count);
    }

    [Fact]
    public void Seeing_the_same_call_again_from_the_same_source_changes_nothing()
    {
        var known = Call("a", "Prévention des addictions");

        var (_, changes, touched) = CallRecordFactory.Merge(known, known, SourceTrustLevel.Aggregator, Now);

        Assert.Empty(changes);
        Assert.False(touched);
    }

    [Fact]
    public void A_source_without_a_deadline_does_not_erase_the_known_one()
    {
        var known = Call("a", "Prévention des addictions");

        var (merged, changes, _) = CallRecordFactory.Merge(known, known with { Deadline = null }, SourceTrustLevel.Aggregator, Now);

        Assert.Equal(known.Deadline, merged.Deadline);
        Assert.Empty(changes);
    }

    [Theory]
    [InlineData("https://www.iledefrance.fr/aides-et-appels-a-projets/601/", "http://iledefrance.fr/aides-et-appels-a-projets/601")]
    [InlineData("https://example.org/index.php/appel-sante-0", "https://example.org/appel-sante")]
    [InlineData("https://example.org/appel?utm_source=lettre&id=4&xtor=RSS-1", "https://example.org/appel?id=4")]
    public void Spellings_of_one_address_give_one_canonical_url(string a, string b)
    {
        Assert.Equal(CallIdentity.CanonicalUrl(new Uri(a)), CallIdentity.CanonicalUrl(new Uri(b)));
    }
}
