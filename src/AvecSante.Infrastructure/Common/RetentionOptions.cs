namespace AvecSante.Infrastructure.Common;

/// <summary>
/// Section "Retention": how long data that has served is kept before the PurgeExpiredData timer removes it (GDPR:
/// nothing kept forever). Counts, statuses and dates stay; only the personal content goes.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days after its creation that a sent, failed or cancelled email keeps its address, bodies and attachments.</summary>
    public int OutboxBodyDays { get; set; } = 90;

    /// <summary>Days after reception that a finished ticketing payload (and an attendance sheet) is kept as received.</summary>
    public int RawPayloadDays { get; set; } = 180;

    /// <summary>Days a mail of the calls mailbox (body and attachments) stays archived once read.</summary>
    public int MailboxArchiveDays { get; set; } = 90;

    public static TimeSpan Days(int days) => TimeSpan.FromDays(Math.Max(1, days));
}
