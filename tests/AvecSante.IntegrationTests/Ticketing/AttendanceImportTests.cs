using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.Core.Ticketing;
using AvecSante.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AvecSante.IntegrationTests.Ticketing;

/// <summary>Attendance import and name matching through the real LocalHost app on Azurite.</summary>
public sealed class AttendanceImportTests : TicketingHostTests
{
    private async Task PostHelloAssoAsync(string sample)
    {
        using var response = await Host.PostHelloAssoAsync(File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", sample)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task PostWebhookAsync(string json)
    {
        using var response = await Host.PostWebhookAsync(json);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    private async Task<string> ExportCsvAsync(string eventId)
    {
        using var admin = Host.CreateAdminClient();
        return await admin.GetStringAsync(new Uri($"/api/events/{eventId}/registrations?format=csv", UriKind.Relative));
    }

    private async Task<HttpResponseMessage> ImportAsync(string eventId, string csv, bool bom = true)
    {
        using var admin = Host.CreateAdminClient();
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF'))).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return await admin.PostAsync(new Uri($"/api/events/{eventId}/attendance", UriKind.Relative), content);
    }

    /// <summary>The export with the attendance of the first ticket set to <paramref name="value"/> (cells are unquoted in these samples).</summary>
    private static string MarkFirst(string csv, string value)
    {
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var cells = lines[1].Split(';');
        cells[8] = value;
        lines[1] = string.Join(';', cells);
        return string.Join("\r\n", lines) + "\r\n";
    }

    [Fact]
    public async Task The_export_marked_present_sets_attendance_once_and_a_second_import_changes_nothing()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        await PostHelloAssoAsync("order-event-nantralplatform-redacted.json");
        var sheet = MarkFirst(await ExportCsvAsync(eventId), "oui");

        using var first = await ImportAsync(eventId, sheet);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("summary").GetProperty("updated").GetInt32());
        Assert.Equal(1, report.GetProperty("summary").GetProperty("unchanged").GetInt32());
        Assert.Equal(0, report.GetProperty("summary").GetProperty("rejected").GetInt32());
        Assert.StartsWith("Présence enregistrée", report.GetProperty("lines")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var archive = report.GetProperty("archive").GetString()!;
        Assert.Contains($"/attendance/{eventId}/", archive, StringComparison.Ordinal);
        Assert.NotNull(await Host.Services.GetRequiredService<IRawPayloadArchive>().ReadAsync(archive, CancellationToken.None));

        var registrations = await Host.RegistrationsAsync(eventId);
        Assert.Equal(1, registrations.GetProperty("summary").GetProperty("attended").GetInt32());
        Assert.Contains(registrations.GetProperty("registrations").EnumerateArray(), r => r.GetProperty("attended").ValueKind == JsonValueKind.True);

        using var second = await ImportAsync(eventId, sheet, bom: false);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("summary").GetProperty("updated").GetInt32());
        Assert.Equal(2, again.GetProperty("summary").GetProperty("unchanged").GetInt32());

        // The export now says "présent": imported back as it is, it changes nothing either.
        using var roundTrip = await ImportAsync(eventId, await ExportCsvAsync(eventId));
        Assert.Equal(0, (await roundTrip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("updated").GetInt32());

        // Absent is a value too: the count goes down.
        using var absent = await ImportAsync(eventId, MarkFirst(sheet, "non"));
        Assert.Equal(1, (await absent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("updated").GetInt32());
        Assert.Equal(0, (await Host.RegistrationsAsync(eventId)).GetProperty("summary").GetProperty("attended").GetInt32());
    }

    [Fact]
    public async Task Unknown_tickets_and_unreadable_values_are_rejected_line_by_line()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);
        await PostHelloAssoAsync("order-event-nantralplatform-redacted.json");
        var sheet = MarkFirst(await ExportCsvAsync(eventId), "peut-être") + "helloasso~999999;;;;;;;;x;;\r\nhelloasso/1;;;;;;;;x;;\r\n";

        using var response = await ImportAsync(eventId, sheet);

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("summary").GetProperty("rejected").GetInt32());
        var details = report.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("detail").GetString()!).ToList();
        Assert.Contains(details, d => d.StartsWith("Valeur de présence illisible", StringComparison.Ordinal));
        Assert.Equal(2, details.Count(d => d == "Billet inconnu pour cet événement."));
        Assert.Equal(0, (await Host.RegistrationsAsync(eventId)).GetProperty("summary").GetProperty("attended").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_the_attendance_sheet_gets_a_french_problem()
    {
        var eventId = await Host.CreateEventAsync(null, ["nantralpay"]);

        using var wrong = await ImportAsync(eventId, "nom;prénom\nDurand;Hélène\n");
        using var empty = await ImportAsync(eventId, string.Empty);
        using var admin = Host.CreateAdminClient();
        using var json = await admin.PostAsJsonAsync(new Uri($"/api/events/{eventId}/attendance", UriKind.Relative), new { billet = "x" });
        using var unknownEvent = await ImportAsync("evenement-inconnu", "billet;présence\nx;oui\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("« billet » et « présence »", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
    }

    [Fact]
    public async Task Attendees_are_linked_by_name_and_structure_when_the_email_matches_nobody()
    {
        var eventId = await Host.CreateEventAsync(null, ["bien-dans-ma-msp-2027"]);

        await PostWebhookAsync("""
            {"submissionId":"name-match-1","formSlug":"bien-dans-ma-msp-2027","attendees":[
              {"ticketId":"a","firstName":"maelle","lastName":"LE-GALL","email":"perso.maelle@example.net","structure":"MSP des Abers"},
              {"ticketId":"b","firstName":"Inconnue","lastName":"Personne","email":"inconnue@example.net"}]}
            """);

        var byName = (await Host.RegistrationsAsync(eventId)).GetProperty("registrations").EnumerateArray()
            .ToDictionary(r => r.GetProperty("lastName").GetString()!, r => r);
        Assert.Equal("p-0001", byName["LE-GALL"].GetProperty("personId").GetString());
        Assert.Equal("MSP des Abers (fictive)", byName["LE-GALL"].GetProperty("structureName").GetString());
        Assert.Equal(JsonValueKind.Null, byName["Personne"].GetProperty("personId").ValueKind);
    }
}
