using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Email to the tenant's people (staff, board) with Graph sendMail as the shared mailbox: it lands as an internal mail,
/// in their own Outlook. Graph takes one body, so the HTML part is sent; custom headers must start with "X-", so the
/// one-click unsubscribe header is not set here (the preferences link is in the body).
/// </summary>
public sealed class GraphMailSender(TenantGraph graph, IOptions<AlertsOptions> options, TimeProvider clock) : ITenantMailSender
{
    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = message.Email.Render(message.Substitutions);
        var body = new SendMailPostRequestBody
        {
            SaveToSentItems = false,
            Message = new Message
            {
                Subject = email.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = email.HtmlBody },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = email.ToAddress, Name = email.ToName } }],
                InternetMessageHeaders = [new InternetMessageHeader { Name = "X-AvecSante-Kind", Value = message.Kind }, new InternetMessageHeader { Name = "X-AvecSante-Outbox-Id", Value = message.Id }],
                Attachments = (email.Attachments ?? []).Select(a => (Attachment)new FileAttachment
                {
                    OdataType = "#microsoft.graph.fileAttachment",
                    Name = a.FileName,
                    ContentType = a.ContentType,
                    ContentBytes = Convert.FromBase64String(a.ContentBase64),
                }).ToList(),
            },
        };
        try
        {
            await graph.Client.Users[Mailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        }
        catch (ApiException ex)
        {
            return GraphFailures.Read(ex, clock);
        }
    }

    private string Mailbox => options.Value.SharedMailbox ?? throw new InvalidOperationException("Setting 'Alerts:SharedMailbox' is empty.");
}
