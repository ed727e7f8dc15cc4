using System.Text.Json;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace AvecSante.Infrastructure.Alerts;

/// <summary>
/// The shared calendar of the shared mailbox: one event per call, created once (Graph transactionId, and its id kept
/// in the alert state), updated when the deadline moves, marked "[Annulé]" when the call is cancelled (an event with
/// no attendees cannot be "cancelled" through Graph, and a vanished event tells a reader nothing).
/// </summary>
public sealed class GraphCalendarPublisher(TenantGraph graph, IOptions<AlertsOptions> options, IAlertStateStore state, TimeProvider clock) : ICalendarPublisher
{
    public const string Category = "Appels à projets";

    public async Task<DeliveryResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = JsonSerializer.Deserialize<CalendarEntry>(message.Payload ?? "null") ?? throw new InvalidOperationException("Calendar message without its entry.");
        var key = "calendar~" + entry.CallId;
        var mailbox = options.Value.SharedMailbox ?? throw new InvalidOperationException("Setting 'Alerts:SharedMailbox' is empty.");
        try
        {
            var eventId = await state.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (eventId is not null)
            {
                try
                {
                    await graph.Client.Users[mailbox].Events[eventId].PatchAsync(ToEvent(entry, create: false), cancellationToken: cancellationToken).ConfigureAwait(false);
                    return DeliveryResult.Delivered;
                }
                catch (ApiException ex) when (ex.ResponseStatusCode == 404)
                {
                    // Someone deleted it by hand: create it again below (unless it is cancelled anyway).
                }
            }
            if (entry.Cancelled)
            {
                return DeliveryResult.Delivered; // nothing in the calendar to cancel
            }
            var created = await graph.Client.Users[mailbox].Calendar.Events.PostAsync(ToEvent(entry, create: true), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (created?.Id is { } id)
            {
                await state.SetAsync(key, id, cancellationToken).ConfigureAwait(false);
            }
            return DeliveryResult.Delivered;
        }
        catch (ApiException ex)
        {
            return GraphFailures.Read(ex, clock);
        }
    }

    private static Event ToEvent(CalendarEntry entry, bool create)
    {
        var start = ParisTime.ToParis(entry.Deadline - DeadlineCalendar.Length);
        var end = ParisTime.ToParis(entry.Deadline);
        var link = entry.Url is null ? string.Empty : $"<p><a href=\"{Html.Encode(entry.Url.ToString())}\">Lire l'appel sur le site du financeur</a></p>";
        var text = entry.Cancelled
            ? "<p>Cet appel a été annulé ou clos avant sa date limite.</p>"
            : $"<p>Date limite de dépôt de l'appel « {Html.Encode(entry.Title)} » ({Html.Encode(entry.Funder)}).</p>";
        var value = new Event
        {
            Subject = DeadlineCalendar.Summary(entry),
            Body = new ItemBody { ContentType = BodyType.Html, Content = text + link },
            Start = new DateTimeTimeZone { DateTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), TimeZone = "Europe/Paris" },
            End = new DateTimeTimeZone { DateTime = end.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), TimeZone = "Europe/Paris" },
            ShowAs = FreeBusyStatus.Free,
            IsReminderOn = !entry.Cancelled,
            ReminderMinutesBeforeStart = 24 * 60,
            Categories = [Category],
        };
        if (create)
        {
            // Graph refuses a second event with the same transactionId: a create retried after a lost answer makes no double.
            value.TransactionId = "avecsante-appel-" + entry.CallId;
        }
        return value;
    }
}
