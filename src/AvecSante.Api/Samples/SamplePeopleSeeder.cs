using System.Text.Json;
using AvecSante.Api.Http;
using AvecSante.Core.Members;
using Microsoft.Extensions.Logging;

namespace AvecSante.Api.Samples;

/// <summary>Loads invented people (samples/people.json, example.org addresses) for the demo and the tests.</summary>
public sealed partial class SamplePeopleSeeder(IPeopleDirectory people, ILogger<SamplePeopleSeeder> logger)
{
    public async Task<int> SeedAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var list = await JsonSerializer.DeserializeAsync<List<Person>>(file, JsonBody.Options, cancellationToken).ConfigureAwait(false) ?? [];
        foreach (var person in list)
        {
            await people.UpsertAsync(person, cancellationToken).ConfigureAwait(false);
        }
        LogSeeded(list.Count);
        return list.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} sample people loaded")]
    private partial void LogSeeded(int count);
}
