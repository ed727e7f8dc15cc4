using System.Globalization;
using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// The email channel when SendGrid is not configured: each message becomes an .eml file (text and HTML parts) in the
/// local outbox folder, which any mail client opens. Nothing leaves the machine.
/// </summary>
public sealed class LocalOutboxEmailSender(IOptions<EmailOptions> options) : IEmailSender, ITenantMailSender
{
    public string MailFolder => Path.GetFullPath(Path.Combine(options.Value.LocalOutboxPath, "mail"));

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A mail service refuses a malformed address for good (SendGrid answers 400): the local outbox does the same,
        // so a typo in the member file shows on the console's Envois page here as it would in production.
        if (!Core.Members.MemberValidation.IsEmail(message.Email.Render(message.Substitutions).ToAddress))
        {
            return new DeliveryResult(DeliveryOutcome.Permanent, "Adresse refusée par le service d'envoi : elle n'est pas une adresse e-mail valable.");
        }
        Directory.CreateDirectory(MailFolder);

        // The file is named after the message id: sending the same message again cannot make a second file.
        var stamp = message.CreatedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(MailFolder, $"{stamp}-{message.Kind}-{message.Id[..12]}.eml");
        if (File.Exists(path))
        {
            return DeliveryResult.Delivered;
        }

        using var mime = ToMime(message, options.Value);
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await mime.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }
        File.Move(temporary, path, overwrite: true);
        return DeliveryResult.Delivered;
    }

    public static MimeMessage ToMime(OutboxMessage message, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        // The file shows the email as its recipient reads it: tokens replaced, as SendGrid or Graph would.
        var email = message.Email.Render(message.Substitutions);
        var mime = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = $"{message.Id}@avecsante.local",
            Date = message.CreatedAt,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        mime.Headers.Add("X-AvecSante-Kind", message.Kind);
        mime.Headers.Add("X-AvecSante-Channel", message.Channel.ToString());
        if (message.Substitutions?.GetValueOrDefault(EmailTokens.UnsubscribeUrl) is { } unsubscribe && unsubscribe.StartsWith("http", StringComparison.Ordinal))
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, Convert.FromBase64String(attachment.ContentBase64), ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
