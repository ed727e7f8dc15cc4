using AvecSante.Api.Console;
using AvecSante.Core.Common;
using AvecSante.Core.Documents;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AvecSante.UnitTests.Console;

/// <summary>The console's forms read into the use cases' own inputs: what staff type (French numbers, empty fields) arrives as the rules expect.</summary>
public sealed class ConsoleFormsTests
{
    private static FormCollection Form(params (string Key, StringValues Value)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    [Theory]
    [InlineData("120", 120)]
    [InlineData("120,50", 120.50)]
    [InlineData("1 200,5 €", 1200.5)]
    [InlineData("1\u202f200,50", 1200.50)]
    [InlineData("99.9", 99.9)]
    public void A_French_amount_reads_as_euros(string typed, double expected)
    {
        var (input, errors) = MemberForms.ReadCotisation(Form(("year", "2026"), ("amount", typed)));

        Assert.True(errors.IsEmpty);
        Assert.Equal((decimal)expected, input.Amount);
        Assert.Equal(2026, input.Year);
    }

    [Fact]
    public void An_amount_or_a_year_that_does_not_read_is_named_and_empty_fields_stay_null_for_the_use_case_to_judge()
    {
        var (input, errors) = MemberForms.ReadCotisation(Form(("year", "deux mille"), ("amount", "cent euros"), ("paidOn", " "), ("nationalShare", "")));

        Assert.Equal(["year", "amount"], errors.Fields.ToArray());
        Assert.Null(input.Year);
        Assert.Null(input.Amount);
        Assert.Null(input.PaidOn);
        Assert.Null(input.NationalShare);
    }

    [Fact]
    public void Unticked_boxes_of_the_structure_form_mean_no_and_blank_fields_mean_nothing()
    {
        var input = MemberForms.ReadStructure(Form(("name", " MSP de Rostrenen (fictive) "), ("kind", "MSP"), ("department", "22"), ("siret", ""), ("sisa", "on")));

        Assert.Equal("MSP de Rostrenen (fictive)", input.Name);
        Assert.Null(input.Siret);
        Assert.False(input.AciSignatory);
        Assert.True(input.Sisa);
    }

    [Theory]
    [InlineData("staff:camille.exemple@example.org", "camille.exemple@example.org")]
    [InlineData("key:power-automate", "une automatisation (clé « power-automate »)")]
    [InlineData("function-key", "function-key")]
    public void The_audit_s_actor_reads_as_a_person_or_an_automation(string actor, string shown) =>
        Assert.Equal(shown, MemberForms.Actor(actor));

    [Fact]
    public void The_sheet_form_becomes_the_library_s_metadata_and_an_unreadable_year_is_refused_by_the_library_s_own_rule()
    {
        var metadata = SheetForm.Read(Form(("title", "Aller vers (fictive)"), ("kind", DocumentKinds.ExperienceSheet), ("themes", new StringValues(["acces-aux-soins", "vaccination"])),
            ("year", "l'an dernier"), ("obstacles", "Peu de temps."), ("levers", "")));

        Assert.Equal(["acces-aux-soins", "vaccination"], metadata.Themes);
        Assert.Equal("Peu de temps.", metadata.Obstacles);
        Assert.Null(metadata.Levers);
        var validated = DocumentMetadataValidator.Validate(metadata, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(["year"], validated.Errors!.Fields.ToArray());
    }

    [Fact]
    public void Every_method_field_of_the_form_maps_to_its_own_metadata_field()
    {
        var metadata = SheetForm.Read(Form(SheetForm.MethodFields.Select(f => (f.Field, new StringValues(f.Label))).ToArray()));
        var description = DocumentMetadataValidator.Validate(metadata with { Title = "t", Kind = DocumentKinds.ExperienceSheet, Themes = [Themes.Labels.Keys.First()] }, DateTimeOffset.UnixEpoch.AddYears(56)).Value!;

        foreach (var (field, label, _) in SheetForm.MethodFields)
        {
            Assert.Equal(label, SheetForm.MethodValue(metadata, field));
            Assert.Equal(label, SheetForm.MethodValue(description, field));
        }
        Assert.Equal(5, description.MethodFieldCount);
    }
}
