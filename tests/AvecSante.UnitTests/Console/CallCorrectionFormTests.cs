using AvecSante.Api.Console;
using AvecSante.Core.Calls;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AvecSante.UnitTests.Console;

/// <summary>A call's correction form: only what was typed otherwise than shown is a correction, and is what a refusal keeps.</summary>
public sealed class CallCorrectionFormTests
{
    private static FormCollection Shown(params (string Key, StringValues Value)[] typed) =>
        new(new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["title-shown"] = "Santé des aidants (fictif)",
            ["funder-shown"] = "ARS Bretagne",
            ["deadline-shown"] = "2027-01-08T12:00",
            ["rolling-shown"] = "false",
            ["title"] = "Santé des aidants (fictif)",
            ["funder"] = "ARS Bretagne",
            ["deadline"] = "2027-01-08T12:00",
        }.Concat(typed.Select(t => KeyValuePair.Create(t.Key, t.Value))).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    [Fact]
    public void A_form_sent_back_as_shown_asks_for_nothing()
    {
        var form = Shown();

        var correction = CallCorrectionForm.Read(form).ToCorrection(form);

        Assert.Equal(new CallCorrection(), correction);
    }

    [Fact]
    public void A_moved_deadline_is_the_only_correction_and_says_the_call_is_not_rolling()
    {
        var form = Shown(("deadline", "2027-02-12T17:00"));

        var correction = CallCorrectionForm.Read(form).ToCorrection(form);

        Assert.Equal(new CallCorrection { Deadline = "2027-02-12T17:00", Rolling = false }, correction);
    }

    [Fact]
    public void Ticking_rolling_asks_for_a_call_without_deadline()
    {
        var form = Shown(("rolling", "true"));

        Assert.Equal(new CallCorrection { Rolling = true }, CallCorrectionForm.Read(form).ToCorrection(form));
    }

    [Fact]
    public void Kept_over_a_changed_call_the_typing_stays_and_the_fields_left_as_shown_take_the_new_values()
    {
        var form = Shown(("deadline", "2027-02-12T17:00"));
        var now = new CallForProjects
        {
            Id = "c-1",
            Title = "Santé des aidants (titre corrigé, fictif)",
            Funder = "CPAM 29",
            Source = SourceTrust.Staff,
            Deadline = new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.FromHours(1)),
        };

        var kept = CallCorrectionForm.Read(form).KeptOver(form, now, "modifié entre-temps");

        Assert.Equal(new CallCorrectionForm("Santé des aidants (titre corrigé, fictif)", "CPAM 29", "2027-02-12T17:00", false, "modifié entre-temps"), kept);
    }
}
