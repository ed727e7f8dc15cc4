namespace AvecSante.UnitTests.Ticketing;

/// <summary>Files of samples/helloasso, found from the test binaries up to the repository root.</summary>
internal static class SampleFiles
{
    public static readonly string[] HelloAssoFixtures =
    [
        "order-event-nantralplatform-redacted.json",
        "order-paymentform-official-sample.json",
        "payment-donation-devdocs.json",
        "form-official-sample.json",
        "demo-order-journee-regionale.json",
        "demo-payment-refunded.json",
    ];

    public static byte[] HelloAsso(string name) => File.ReadAllBytes(Path.Combine(Root(), "samples", "helloasso", name));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AvecSante.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root not found.");
    }
}
