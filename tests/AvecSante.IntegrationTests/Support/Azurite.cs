using Azure.Data.Tables;

namespace AvecSante.IntegrationTests.Support;

/// <summary>
/// The Azurite that ./test.sh starts (AVECSANTE_TEST_STORAGE), or one on the test ports by default. Tests that need
/// storage fail, never skip, when it does not answer.
/// </summary>
public static class Azurite
{
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("AVECSANTE_TEST_STORAGE") is { Length: > 0 } fromScript
            ? fromScript
            : $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
              "BlobEndpoint=http://127.0.0.1:10100/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10101/devstoreaccount1;" +
              "TableEndpoint=http://127.0.0.1:10102/devstoreaccount1;";

    /// <summary>The same account with every endpoint on a loopback port where nothing listens: storage "down".</summary>
    public static string UnreachableConnectionString { get; } =
        System.Text.RegularExpressions.Regex.Replace(ConnectionString, @"(Endpoint=http://127\.0\.0\.1:)\d+/", "${1}9/");

    /// <summary>A table prefix of its own for each test class, so tests never see each other's rows.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task EnsureReachableAsync()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        try
        {
            await new TableServiceClient(ConnectionString, options).GetPropertiesAsync();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TaskCanceledException or AggregateException)
        {
            throw new InvalidOperationException(
                "Azurite is not reachable: run the suite with ./test.sh, which installs and starts it (or start Azurite on ports 10100-10102).", ex);
        }
    }
}
