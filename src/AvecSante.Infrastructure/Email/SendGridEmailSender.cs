using System.Globalization;
using System.Net;
using AvecSante.Core.Notifications;
using AvecSante.Infrastructure.Options;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace AvecSante.Infrastructure.Email;

/// <summary>Sends through the official SendGrid client; its base URL is a setting (EU residency, tests).</summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = settings.SendGrid.ApiKey,
            Host = settings.SendGrid.BaseUrl.ToString().TrimEnd('/'),
        });

        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromAddress, settings.FromName),
            Subject = message.Email.Subject,
            PlainTextContent = message.Email.TextBody,
            HtmlContent = message.Email.HtmlBody,
        };
        mail.AddTo(new EmailAddress(message.Email.ToAddress, message.Email.ToName));
        foreach (var attachment in message.Email.Attachments ?? [])
        {
            mail.AddAttachment(attachment.FileName, attachment.ContentBase64, attachment.ContentType);
        }
        mail.AddCategory(message.Kind);
        // Lets a support person find the outbox record of a delivered mail in SendGrid's activity feed.
        mail.AddCustomArg("outboxId", message.Id);

        var response = await client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered;
        }

        var status = (int)response.StatusCode;
        var error = $"SendGrid {status}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, error, RetryAfter(response));
        }
        var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new DeliveryResult(DeliveryOutcome.Permanent, $"{error}: {Truncate(body, 500)}");
    }

    /// <summary>Retry-After (seconds or a date), else SendGrid's X-RateLimit-Reset (a Unix time).</summary>
    private TimeSpan? RetryAfter(Response response)
    {
        var headers = response.Headers;
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }
            if (retryAfter.Date is { } date)
            {
                return date - clock.GetUtcNow();
            }
        }
        if (headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix) - clock.GetUtcNow();
        }
        return null;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
