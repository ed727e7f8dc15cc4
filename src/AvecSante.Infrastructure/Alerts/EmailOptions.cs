namespace AvecSante.Infrastructure.Alerts;

/// <summary>Section "Email": the sender, and where mail goes (SendGrid when a key is set, the local outbox otherwise).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "AVECsanté Bretagne";

    /// <summary>Folder for .eml files when SendGrid is not configured; relative paths start at the working directory.</summary>
    public string LocalOutboxPath { get; set; } = ".local/outbox";

    public SendGridOptions SendGrid { get; set; } = new();
}
