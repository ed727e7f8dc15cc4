using AvecSante.Api.Console;
using AvecSante.Core.Calls;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AvecSante.UnitTests.Console;

/// <summary>The publish form of a pasted call: the deadline's phrase travels with the deadline it was read for.</summary>
public sealed class CallDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static FormCollection Form(string deadline) => new(new Dictionary<string, StringValues>
    {
        ["title"] = "Dépistage des cancers : aller vers (fictif)",
        ["funder"] = "CPAM 56",
        ["deadline"] = deadline,
        ["evidence"] = "Date limite de dépôt : vendredi 18 décembre 2026 à 12h00.",
        ["evidenceFor"] = "2026-12-18T12:00",
    });

    [Fact]
    public void A_published_call_keeps_the_phrase_its_deadline_was_read_from()
    {
        var call = CallSubmissionValidator.Validate(CallDraft.From(Form("2026-12-18T12:00")).ToSubmission(), Now).Value!;

        Assert.Equal("Date limite de dépôt : vendredi 18 décembre 2026 à 12h00.", call.DeadlineEvidence);
    }

    [Fact]
    public void A_deadline_the_staff_member_corrected_drops_the_phrase_that_no_longer_says_it()
    {
        var call = CallSubmissionValidator.Validate(CallDraft.From(Form("2027-01-08T12:00")).ToSubmission(), Now).Value!;

        Assert.Null(call.DeadlineEvidence);
    }
}
