using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AvecSante.IntegrationTests.Support;
using AvecSante.Tests.Shared;

namespace AvecSante.IntegrationTests.Calls;

/// <summary>POST /api/calls/preview on every real published call, through the LocalHost app, against our own table.</summary>
public sealed class PreviewFixturesTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "..", "shared", "fixtures", "calls", "other");
    private readonly LocalHostFactory _host = new(CallFixtureAnswers.Now);

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string, string?, string?, string, bool> Table => CallFixtureAnswers.Table;

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Previewing_a_real_call_gives_its_funder_deadline_evidence_and_themes(string file, string funder, string? deadline, string? evidence, string themes, bool isFundingCall)
    {
        using var client = _host.CreateAdminClient();
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file));

        using var response = await client.PostAsJsonAsync(new Uri("/api/calls/preview", UriKind.Relative), new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        var call = preview.GetProperty("call");
        Assert.Equal(funder, call.GetProperty("funder").GetString());
        Assert.Equal(deadline, call.GetProperty("deadlineParis").GetString());
        if (evidence is not null)
        {
            Assert.Contains(evidence, preview.GetProperty("deadlineEvidence").GetString()!.Replace('’', '\''), StringComparison.Ordinal);
        }
        Assert.Equal(themes, string.Join(",", call.GetProperty("themes").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal(isFundingCall, preview.GetProperty("isFundingCall").GetBoolean());
    }
}
