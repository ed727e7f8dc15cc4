using System.Text;
using System.Text.Json;
using AvecSante.Core.Common;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class AttendeeMatchingAndAttendanceTests
{
    [Theory]
    [InlineData("Élodie", "elodie")]
    [InlineData("  Jean-François  ", "jean francois")]
    [InlineData("D'ARC", "d arc")]
    [InlineData("Lætitia Bœuf", "laetitia boeuf")]
    [InlineData(null, "")]
    public void Names_are_compared_without_accents_case_or_punctuation(string? text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Fact]
    public void A_lone_first_name_has_no_name_key() =>
        Assert.Null(AttendeeNameMatching.NameKey("Louise", " "));

    [Fact]
    public void One_person_with_the_name_is_the_match_whatever_the_structure()
    {
        NameCandidate[] sameName = [new("p1", "Hélène", "Durand", "MSP des Tilleuls")];

        Assert.Equal("p1", AttendeeNameMatching.Pick(sameName, []));
        Assert.Equal("p1", AttendeeNameMatching.Pick(sameName, ["Autre structure"]));
    }

    [Fact]
    public void Namesakes_are_told_apart_by_the_structure_of_the_registration()
    {
        NameCandidate[] sameName =
        [
            new("p1", "Hélène", "Durand", "MSP des Tilleuls"),
            new("p2", "Helene", "DURAND", "Centre de santé Les Érables"),
        ];

        Assert.Equal("p2", AttendeeNameMatching.Pick(sameName, ["centre de sante les erables"]));
        Assert.Equal("p1", AttendeeNameMatching.Pick(sameName, ["Msp des tilleuls"]));
        Assert.Equal("p1", AttendeeNameMatching.Pick(sameName, ["MSP des Tilleuls - Nantes"]));
    }

    [Fact]
    public void Ambiguous_namesakes_match_nobody()
    {
        NameCandidate[] sameName =
        [
            new("p1", "Hélène", "Durand", "MSP des Tilleuls"),
            new("p2", "Hélène", "Durand", "MSP des Tilleuls"),
            new("p3", "Hélène", "Durand", null),
        ];

        Assert.Null(AttendeeNameMatching.Pick(sameName, []));
        Assert.Null(AttendeeNameMatching.Pick(sameName, ["MSP des Tilleuls"]));
        Assert.Null(AttendeeNameMatching.Pick(sameName[..2].Append(new NameCandidate("p4", "H", "D", "MSP Ouest")).ToArray(), ["MSP"]));
        Assert.Null(AttendeeNameMatching.Pick([], ["MSP des Tilleuls"]));
    }

    [Theory]
    [InlineData("msp des tilleuls", "msp des tilleuls nantes", true)]
    [InlineData("msp", "msp des tilleuls", false)]
    [InlineData("tilleuls", "msp des tilleuls", true)]
    [InlineData("tille", "msp des tilleuls", false)]
    [InlineData("", "msp", false)]
    public void Structures_match_when_equal_or_containing_enough_whole_words(string a, string b, bool expected) =>
        Assert.Equal(expected, AttendeeNameMatching.SameStructure(a, b));

    [Fact]
    public void A_HelloAsso_order_gives_structure_hints_from_custom_fields_and_the_payer_company()
    {
        var command = HelloAssoNotificationReader.Read(Encoding.UTF8.GetBytes("""
            {"eventType":"Order","data":{"id":7,"formSlug":"journee","payer":{"firstName":"Hélène","lastName":"Durand","company":"SISA Les Érables"},
             "items":[{"id":70,"type":"Registration","amount":1500,"user":{"firstName":"Hélène","lastName":"Durand"},
               "customFields":[{"name":"Nom de votre structure","answer":"MSP des Tilleuls"},{"name":"Email","answer":"helene@example.org"},{"name":"Régime alimentaire","answer":"végétarien"}]}]}}
            """));

        var line = Assert.Single(command.Lines);
        Assert.Equal(["MSP des Tilleuls", "SISA Les Érables"], line.StructureHints);
    }

    [Fact]
    public void A_HelloAsso_order_without_structure_field_has_no_hints()
    {
        using var document = JsonDocument.Parse("""{"id":1,"customFields":[{"name":"Email utilisé","answer":"a@example.org"}]}""");

        Assert.Null(HelloAssoNotificationReader.StructureHints(document.RootElement, default));
    }

    [Fact]
    public void A_generic_attendee_may_name_its_structure()
    {
        var (_, command) = WebhookSubmissionReader.Read(Encoding.UTF8.GetBytes(
            """{"submissionId":"s-9","eventId":"ev1","attendees":[{"firstName":"Yann","lastName":"Le Goff","structure":" MSP de l'Odet "}]}"""));

        Assert.Equal(["MSP de l'Odet"], Assert.Single(command.Lines).StructureHints);
    }

    [Theory]
    [InlineData("oui", true)]
    [InlineData("X", true)]
    [InlineData("1", true)]
    [InlineData("présent", true)]
    [InlineData("Non", false)]
    [InlineData("0", false)]
    [InlineData("absent", false)]
    [InlineData(" ", null)]
    public void Attendance_values_are_read_in_french(string cell, bool? expected)
    {
        var (attended, readable) = AttendanceCsv.Value(cell);

        Assert.True(readable);
        Assert.Equal(expected, attended);
    }

    [Fact]
    public void An_unreadable_attendance_value_is_flagged() =>
        Assert.False(AttendanceCsv.Value("peut-être").Readable);

    [Fact]
    public void The_registrations_export_with_its_attendance_column_filled_is_read_by_ticket()
    {
        var csv = "\uFEFFbillet;statut;nom;prénom;email;structure;tarif;montant (€);présence;commande;source\r\n"
            + "helloasso~70;confirmé;Durand;Hélène;h@example.org;;Adhérent;15,00;oui;7;helloasso\r\n"
            + "helloasso~71;confirmé;\"Le Goff; Yann\";Yann;;;;0,00;;7;helloasso\r\n"
            + "helloasso~72;confirmé;X;Y;;;;0,00;bof;7;helloasso\r\n";

        var rows = AttendanceCsv.Read(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(3, rows.Count);
        Assert.Equal(new AttendanceRow(2, "helloasso~70", "oui", true, true), rows[0]);
        Assert.Equal(new AttendanceRow(3, "helloasso~71", string.Empty, null, true), rows[1]);
        Assert.False(rows[2].Readable);
    }

    [Fact]
    public void A_minimal_sheet_without_bom_and_with_other_headers_is_read()
    {
        var rows = AttendanceCsv.Read(Encoding.UTF8.GetBytes("Presence;Billet\nx;webhook~abc\n"));

        Assert.Equal("webhook~abc", Assert.Single(rows).TicketKey);
        Assert.True(rows[0].Attended);
    }

    [Theory]
    [InlineData("billet;nom\nhelloasso~1;Durand\n", "« présence »")]
    [InlineData("nom;présence\nDurand;oui\n", "« billet »")]
    [InlineData("billet;présence\n", "aucune ligne")]
    [InlineData("a,b,c\n1,2,3\n", "« billet » et « présence »")]
    public void A_sheet_without_its_columns_or_lines_is_refused_in_french(string csv, string expected)
    {
        var error = Assert.Throws<AttendanceFileException>(() => AttendanceCsv.Read(Encoding.UTF8.GetBytes(csv)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
