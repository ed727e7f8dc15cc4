using AvecSante.Core.Calls;
using AvecSante.Core.Calls.Ingestion;
using AvecSante.Core.Calls.Normalisation;

namespace AvecSante.UnitTests.Calls.Ingestion;

/// <summary>An ingested call the reader is unsure of is held "à vérifier"; what staff confirmed no source changes.</summary>
public sealed class CallHoldTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string Unsure = "Appel à projets prévention des addictions en maison de santé (synthétique)\n"
        + "Les équipes de soins primaires de Bretagne peuvent proposer des actions de prévention du tabagisme. Les candidatures sont ouvertes.";

    private const string Clear = "Appel à projets prévention des addictions en maison de santé (synthétique)\n"
        + "L'ARS Bretagne lance un appel à projets de prévention du tabagisme pour les MSP de Bretagne. "
        + "Date limite de dépôt des dossiers : vendredi 15 janvier 2027 à 18h.";

    private static CallForProjects Ingest(string text, string? funderHint = null, string source = "ars-site") =>
        CallRecordFactory.Create(
            new CallCandidate { Source = source, Text = text, Url = new Uri("https://www.example.org/appels/addictions"), FunderHint = funderHint },
            CallTextNormaliser.Normalise(text, new Uri("https://www.example.org/appels/addictions"), null, null, Now),
            Now);

    [Fact]
    public void A_call_without_deadline_or_funder_is_held_with_its_reasons()
    {
        var call = Ingest(Unsure);

        Assert.Equal(CallStatus.ToReview, call.Status);
        Assert.Contains(call.ReviewReasons, r => r.Contains("date limite", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(CallConfidence.UnknownFunderReason, call.ReviewReasons);
    }

    [Fact]
    public void A_clear_call_opens_and_a_source_funder_answers_an_unnamed_funder_but_not_a_missing_deadline()
    {
        Assert.Equal(CallStatus.Open, Ingest(Clear).Status);
        Assert.Empty(Ingest(Clear).ReviewReasons);

        var hinted = Ingest(Unsure, funderHint: "CPAM 29");
        Assert.Equal("CPAM 29", hinted.Funder);
        Assert.DoesNotContain(CallConfidence.UnknownFunderReason, hinted.ReviewReasons);
        Assert.Equal(CallStatus.ToReview, hinted.Status); // still no deadline
    }

    [Fact]
    public void A_held_call_stays_held_whatever_its_source_says_next()
    {
        var held = Ingest(Unsure);

        var (merged, _, _) = CallRecordFactory.Merge(held, Ingest(Clear), SourceTrustLevel.OriginatingSource, Now.AddHours(2));

        Assert.Equal(CallStatus.ToReview, merged.Status);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.FromHours(1)), merged.Deadline); // read, still held
    }

    [Fact]
    public void A_deadline_and_funder_staff_confirmed_are_kept_and_what_the_source_says_otherwise_is_recorded()
    {
        var corrected = Ingest(Clear) with
        {
            Deadline = new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.FromHours(1)),
            DeadlineEvidence = "Corrigée par l'équipe à la vérification.",
            Funder = "Fondation Exemple",
            ConfirmedFields = [ReviewedFields.Deadline, ReviewedFields.Funder],
            ReviewedAt = Now,
        };

        var (merged, changes, touched) = CallRecordFactory.Merge(corrected, Ingest(Clear), SourceTrustLevel.OriginatingSource, Now.AddDays(1));
        var (again, _, touchedAgain) = CallRecordFactory.Merge(merged, Ingest(Clear), SourceTrustLevel.OriginatingSource, Now.AddDays(2));

        Assert.Equal((corrected.Deadline, corrected.Funder, corrected.DeadlineEvidence), (merged.Deadline, merged.Funder, merged.DeadlineEvidence));
        Assert.DoesNotContain(changes, c => c.Field == "deadline");
        Assert.True(touched);
        Assert.Equal(["deadline", "funder"], merged.Disagreements.Select(d => d.Field));
        Assert.Equal("2027-01-15T18:00+01:00", merged.Disagreements[0].Theirs);
        Assert.False(touchedAgain); // the same claim is recorded once
        Assert.Equal(2, again.Disagreements.Count);
    }

    [Fact]
    public void An_unconfirmed_open_call_still_follows_its_source()
    {
        var open = Ingest(Clear) with { Deadline = new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.FromHours(1)) };

        var (merged, changes, _) = CallRecordFactory.Merge(open, Ingest(Clear), SourceTrustLevel.OriginatingSource, Now.AddDays(1));

        Assert.Equal(new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.FromHours(1)), merged.Deadline);
        Assert.Contains(changes, c => c.Field == "deadline");
        Assert.Empty(merged.Disagreements);
    }
}
