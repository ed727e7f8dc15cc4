using System.Text;
using System.Text.Json;
using AvecSante.Core.Ticketing;

namespace AvecSante.UnitTests.Ticketing;

public sealed class RawPayloadRedactorTests
{
    private static readonly PersonalTerms Camille = PersonalTerms.Of("Camille.Exemple@example.org", ["camille.perso@example.org"], "Camille", "Exemple");

    [Fact]
    public void The_persons_objects_and_mentions_are_replaced_and_the_rest_is_kept()
    {
        // The payer's address and birth date go with their object; an escaped accent and \/ are read as JSON.
        var body = SampleFiles.HelloAsso("order-paymentform-official-sample.json");

        var redacted = RawPayloadRedactor.Redact(body, Camille);

        Assert.NotNull(redacted);
        var text = Encoding.UTF8.GetString(redacted);
        Assert.DoesNotContain("camille", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1 rue de l'Exemple", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1990-01-01", text, StringComparison.Ordinal);
        Assert.Contains("\"[effacé]\"", text, StringComparison.Ordinal);
        var data = JsonDocument.Parse(redacted).RootElement.GetProperty("data");
        Assert.Equal(RawPayloadRedactor.Placeholder, data.GetProperty("payer").GetProperty("email").GetString());
        Assert.Equal(RawPayloadRedactor.Placeholder, data.GetProperty("items")[0].GetProperty("user").GetProperty("lastName").GetString());
        Assert.Equal("FRA", data.GetProperty("payer").GetProperty("country").GetString());
        Assert.Equal(1000, data.GetProperty("amount").GetProperty("total").GetInt32());
        Assert.Equal("vente-de-noel", data.GetProperty("formSlug").GetString());
    }

    [Fact]
    public void Another_persons_data_in_the_same_order_is_left_alone_and_a_body_without_the_person_is_not_rewritten()
    {
        var json = """{"payer":{"email":"autre@example.org","firstName":"Anne","lastName":"Autre"},"items":[{"user":{"firstName":"Camille","lastName":"Exemple"},"customFields":[{"name":"Email","answer":"CAMILLE.PERSO@example.org"}]}],"note":"Invitée par Camille Exemple"}""";

        var redacted = RawPayloadRedactor.Redact(Encoding.UTF8.GetBytes(json), Camille);

        var text = Encoding.UTF8.GetString(redacted!);
        Assert.Contains("autre@example.org", text, StringComparison.Ordinal);
        Assert.Contains("Anne", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exemple", text, StringComparison.Ordinal);
        Assert.Null(RawPayloadRedactor.Redact(Encoding.UTF8.GetBytes("""{"payer":{"email":"autre@example.org"}}"""), Camille));
        Assert.Null(RawPayloadRedactor.Redact(redacted!, Camille));
    }

    [Fact]
    public void A_body_that_is_not_json_gets_its_mentions_replaced()
    {
        var redacted = RawPayloadRedactor.Redact(Encoding.UTF8.GetBytes("prenom=Camille&nom=Exemple&email=camille.exemple@example.org&full=Camille Exemple"), Camille);

        Assert.Equal("prenom=Camille&nom=Exemple&email=[effacé]&full=[effacé]", Encoding.UTF8.GetString(redacted!));
    }

    [Fact]
    public void An_attendance_sheet_loses_the_persons_cells_and_keeps_the_other_lines()
    {
        const string Sheet = "billet;prénom;nom;e-mail;présence\r\nt-1;Camille;Exemple;camille.exemple@example.org;oui\r\nt-2;Yann;Autre;yann.autre@example.org;non\r\n";

        var redacted = Encoding.UTF8.GetString(RawPayloadRedactor.Redact(Encoding.UTF8.GetBytes(Sheet), Camille)!);

        Assert.Equal("billet;prénom;nom;e-mail;présence\r\nt-1;[effacé];[effacé];[effacé];oui\r\nt-2;Yann;Autre;yann.autre@example.org;non\r\n", redacted);
    }
}
