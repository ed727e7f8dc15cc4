namespace AvecSante.Core.Alerts;

/// <summary>
/// An email sender that can send many messages of identical content in one request, each with its own substitutions
/// (SendGrid: up to 1,000 personalizations). The result is the request's: all delivered, or all to retry or stop.
/// </summary>
public interface IBatchEmailSender : IEmailSender
{
    int MaxRecipientsPerRequest { get; }

    /// <param name="messages">Messages of one <see cref="OutboxMessage.BatchKey"/>, at most <see cref="MaxRecipientsPerRequest"/>.</param>
    Task<DeliveryResult> SendBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Email to people of the federation's tenant (staff, board): Graph sendMail as the shared mailbox, or an .eml file.</summary>
public interface ITenantMailSender
{
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The shared calendar: one event per open call's deadline (Graph, or .ics files locally).</summary>
public interface ICalendarPublisher
{
    /// <param name="message">Its <see cref="OutboxMessage.Payload"/> is a <see cref="CalendarEntry"/> as JSON.</param>
    Task<DeliveryResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The coordinators' Teams channel, through a Workflows webhook (Graph cannot post there with app permissions).</summary>
public interface ITeamsPoster
{
    /// <param name="message">Its <see cref="OutboxMessage.Payload"/> is the webhook body (an Adaptive Card message) as JSON.</param>
    Task<DeliveryResult> PostAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>What the shared calendar should show for a call: its deadline, or that it is cancelled.</summary>
public sealed record CalendarEntry(string CallId, string Title, string Funder, DateTimeOffset Deadline, Uri? Url, bool Cancelled, int Sequence);

/// <summary>Small key/value state of the alert jobs: how far the change log was read, which day was done, calendar ids.</summary>
public interface IAlertStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
