using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;
using AvecSante.IntegrationTests.Ticketing;

namespace AvecSante.IntegrationTests.Members;

/// <summary>
/// Erasure reaches people in no file: a HelloAsso attendee who is not a member, erased by address, leaves no trace in
/// any table, container or local outbox file; a member's ticket emails planned before they were linked are erased too.
/// </summary>
public sealed class ErasureByEmailTests : TicketingHostTests
{
    private const string Louise = "louise.exemple@example.org";

    private static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.Path("samples", "helloasso", name));

    private async Task<JsonElement> EraseAsync(string email)
    {
        using var admin = Host.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync(new Uri("/api/members/erasures", UriKind.Relative), new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task DispatchAsync()
    {
        using var admin = Host.CreateAdminClient();
        using var dispatched = await admin.PostAsync(new Uri("/api/notifications/dispatch", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
    }

    private List<string> LocalFilesNaming(string needle) =>
        Directory.Exists(Host.OutboxPath)
            ? Directory.EnumerateFiles(Host.OutboxPath, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains(needle, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

    [Fact]
    public async Task Erasing_a_non_member_attendee_by_address_leaves_no_trace_in_any_table_container_or_local_file()
    {
        var eventId = await Host.CreateEventAsync(null, ["journee-regionale-2027"]);
        using var order = await Host.PostHelloAssoAsync(Sample("demo-order-journee-regionale.json"));
        var webhookEvent = await Host.CreateEventAsync(null, ["bien-dans-ma-msp-2027"]);
        using var submission = await Host.PostWebhookAsync($$"""{"submissionId":"sub-erase-1","eventId":"{{webhookEvent}}","attendees":[{"firstName":"Louise","lastName":"Exemple","email":"{{Louise}}","amountCents":1500}]}""");
        Assert.Equal(HttpStatusCode.Accepted, submission.StatusCode);
        using (var admin = Host.CreateAdminClient())
        {
            var sheet = await admin.GetStringAsync(new Uri($"/api/events/{eventId}/registrations?format=csv", UriKind.Relative));
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(sheet.TrimStart('\uFEFF')));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var imported = await admin.PostAsync(new Uri($"/api/events/{eventId}/attendance", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        await DispatchAsync();
        Assert.NotEmpty(await MemberStorageScan.FindAsync(Host.TablePrefix, Louise));
        Assert.NotEmpty(LocalFilesNaming(Louise));

        var summary = await EraseAsync(Louise);

        Assert.True(summary.GetProperty("erased").GetProperty("tickets").GetInt32() >= 2);
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, Louise));
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, "Louise"));
        Assert.Empty(LocalFilesNaming(Louise));
        Assert.Empty(LocalFilesNaming("Louise"));
        var registrations = await Host.RegistrationsAsync(eventId);
        Assert.Equal(3, registrations.GetProperty("summary").GetProperty("confirmed").GetInt32()); // the figures stay
        Assert.Contains(await MemberStorageScan.FindAsync(Host.TablePrefix, "maelle.legall@example.org"), f => f.StartsWith("table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_erased_by_id_loses_the_ticket_emails_planned_before_they_were_linked()
    {
        await Host.CreateEventAsync(null, ["journee-regionale-2027"]);
        using var order = await Host.PostHelloAssoAsync(Sample("demo-order-journee-regionale.json"));
        await DispatchAsync();
        Assert.NotEmpty(LocalFilesNaming(Louise));

        // Louise joins the member file after her ticket email was planned under an "attendee-…" recipient id.
        using var admin = Host.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync(new Uri("/api/members/people", UriKind.Relative), new
        {
            firstName = "Louise",
            lastName = "Exemple",
            email = Louise,
            roles = new[] { "coordinator" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var erased = await admin.DeleteAsync(new Uri($"/api/members/people/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Empty(await MemberStorageScan.FindAsync(Host.TablePrefix, Louise));
        Assert.Empty(LocalFilesNaming(Louise));
    }

    [Fact]
    public async Task An_erasure_without_a_valid_address_is_a_422_problem()
    {
        using var admin = Host.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync(new Uri("/api/members/erasures", UriKind.Relative), new { email = "pas une adresse" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
