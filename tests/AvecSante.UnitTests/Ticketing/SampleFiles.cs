using AvecSante.Tests.Shared;

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

    public static byte[] HelloAsso(string name) => File.ReadAllBytes(RepositoryRoot.Combine("samples", "helloasso", name));
}
