using System.Globalization;
using System.Text.Json;

using AvecSante.Api.Jobs;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Ticketing;

namespace AvecSante.Api.Console;

/// <summary>
/// What a poisoned message is, said in French for the staff: read with the reader of its own queue, and only its
/// kind, dates, year and inbox id shown (the messages hold no personal data, the page shows no raw payload either).
/// </summary>
public static class PoisonedWorkLabel
{
    public static string Describe(PoisonedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Body.ToString();
        try
        {
            return message.Function.QueueSetting switch
            {
                QueuedTicketingDeliveries.QueueSetting => Delivery(QueuedTicketingDeliveries.Read(text)),
                QueuedReportCompiles.QueueSetting => Compile(QueuedReportCompiles.Read(text)),
                _ => $"Traitement « {message.Function.Name} »",
            };
        }
        catch (JsonException)
        {
            return $"{Kind(message.Function)} : message illisible";
        }
    }

    private static string Delivery(TicketingDelivery delivery)
    {
        var sender = delivery.Source == TicketSources.HelloAsso ? "livraison HelloAsso" : "livraison du webhook d'inscription";
        return $"Billetterie : {sender} reçue le {ConsoleFormat.Day(delivery.ReceivedAt)}, identifiant {delivery.InboxId}";
    }

    private static string Compile(ReportCompileRequest request) => string.Create(CultureInfo.InvariantCulture,
        $"Rapport d'activité {request.Year} : compilation demandée le {ConsoleFormat.Day(request.RequestedAt)}");

    private static string Kind(QueueFunction function) => function.QueueSetting switch
    {
        QueuedTicketingDeliveries.QueueSetting => "Billetterie",
        QueuedReportCompiles.QueueSetting => "Rapport d'activité",
        _ => $"Traitement « {function.Name} »",
    };
}
