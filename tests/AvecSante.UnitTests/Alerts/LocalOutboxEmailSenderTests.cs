using AvecSante.Core.Alerts;
using AvecSante.Infrastructure.Alerts;
using Microsoft.Extensions.Options;

namespace AvecSante.UnitTests.Alerts;

public sealed class LocalOutboxEmailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "avecsante-local-outbox-" + Guid.NewGuid().ToString("N"));

    private LocalOutboxEmailSender Sender() => new(Options.Create(new EmailOptions { FromAddress = "alertes@example.org", LocalOutboxPath = _folder }));

    private static OutboxMessage To(string address) => new()
    {
        Id = OutboxMessage.IdFor("test|" + address),
        IdempotencyKey = "test|" + address,
        Kind = AlertKinds.NewCall,
        RecipientId = "p1",
        Email = new EmailContent(address, "Prénom Exemple", "Un appel", "Texte", "<p>Texte</p>"),
        CreatedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("gwenola.exemple@example")]
    [InlineData("gwenola.exemple@@example.org")]
    [InlineData("gwenola exemple@example.org")]
    public async Task A_malformed_address_is_refused_for_good_and_no_file_is_written(string address)
    {
        var result = await Sender().SendAsync(To(address), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("Adresse refusée", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Sender().MailFolder) && Directory.EnumerateFiles(Sender().MailFolder).Any());
    }

    [Fact]
    public async Task A_well_formed_address_becomes_one_eml_file()
    {
        var result = await Sender().SendAsync(To("gwenola.exemple@example.org"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Single(Directory.EnumerateFiles(Sender().MailFolder, "*.eml"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
