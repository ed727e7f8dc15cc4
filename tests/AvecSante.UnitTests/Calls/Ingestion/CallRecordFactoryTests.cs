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
    public void A_moved_deadline_is_recorded_as_a_change_and_a_new_source_as_a_sighting()
    {
        var known = Call("a", "Prévention des addictions");
        var moved = Call("a", "Prévention des addictions", deadline: new DateTimeOffset(2027, 2, 13, 12, 0, 0, TimeSpan.FromHours(1)), source: "ars-rss");

        var (merged, changes, touched) = CallRecordFactory.Merge(known, moved, Now);

        Assert.True(touched);
        var change = Assert.Single(changes);
        Assert.Equal(("deadline", "2027-01-30T12:00+01:00", "2027-02-13T12:00+01:00"), (change.Field, change.From, change.To));
        Assert.Equal(["listing", "ars-rss"], merged.Sightings.Select(s => s.Source));
        Assert.Single(merged.History);
    }

    [Fact]
    public void Another_sources_teaser_is_a_sighting_not_a_change_of_the_call()
    {
        var known = Call("a", "Santé mentale des jeunes") with { Summary = "L'appel complet, lu sur le site de l'ARS." };
        var teaser = Call("a", "AAP Santé mentale des jeunes (flux)", source: "ars-rss") with { Summary = "Deux lignes du flux.", Deadline = null };

        var (merged, changes, touched) = CallRecordFactory.Merge(known, teaser, Now);

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

        var (_, changes, touched) = CallRecordFactory.Merge(known, known, Now);

        Assert.Empty(changes);
        Assert.False(touched);
    }

    [Fact]
    public void A_source_without_a_deadline_does_not_erase_the_known_one()
    {
        var known = Call("a", "Prévention des addictions");

        var (merged, changes, _) = CallRecordFactory.Merge(known, known with { Deadline = null }, Now);

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
