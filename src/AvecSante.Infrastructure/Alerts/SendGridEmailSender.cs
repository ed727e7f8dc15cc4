using System.Globalization;
using System.Net;
using AvecSante.Core.Alerts;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// Sends through the official SendGrid client; its base URL is a setting (EU residency, tests). Messages of one batch
/// key go in one request: the shared content once, one personalization per recipient with its substitutions, its
/// one-click unsubscribe headers and its outbox id.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, TimeProvider clock) : IBatchEmailSender
{
    /// <summary>SendGrid's limit of personalizations per request.</summary>
    public const int MaxPersonalizations = 1000;

    public int MaxRecipientsPerRequest => MaxPersonalizations;

    public Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendBatchAsync([message], cancellationToken);
    }

    public async Task<DeliveryResult> SendBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > MaxPersonalizations)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages.Count, $"A SendGrid request carries 1 to {MaxPersonalizations} recipients.");
        }
        var first = messages[0];
        var settings = options.Value;
        var client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = settings.SendGrid.ApiKey,
            Host = settings.SendGrid.BaseUrl.ToString().TrimEnd('/'),
        });

        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromAddress, settings.FromName),
            Subject = first.Email.Subject,
            PlainTextContent = first.Email.TextBody,
            HtmlContent = first.Email.HtmlBody,
            Personalizations = messages.Select(Personalize).ToList(),
        };
        foreach (var attachment in first.Email.Attachments ?? [])
        {
            mail.AddAttachment(attachment.FileName, attachment.ContentBase64, attachment.ContentType);
        }
        mail.AddCategory(first.Kind);
        if (AlertKinds.IsPersonalAlert(first.Kind))
        {
            mail.AddCategory("alertes-appels");
        }
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

    private static Personalization Personalize(OutboxMessage message)
    {
        var personalization = new Personalization
        {
            Tos = [new EmailAddress(message.Email.ToAddress, message.Email.ToName)],
            // Lets a support person find the outbox record of a delivered mail in SendGrid's activity feed.
            CustomArgs = new Dictionary<string, string>(StringComparer.Ordinal) { ["outboxId"] = message.Id },
        };
        if (message.Substitutions is { Count: > 0 } substitutions)
        {
            personalization.Substitutions = substitutions.ToDictionary(StringComparer.Ordinal);
            if (substitutions.TryGetValue(EmailTokens.UnsubscribeUrl, out var unsubscribe) && unsubscribe.StartsWith("http", StringComparison.Ordinal))
            {
                // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL.
                personalization.Headers = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["List-Unsubscribe"] = $"<{unsubscribe}>",
                    ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                };
            }
        }
        return personalization;
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
