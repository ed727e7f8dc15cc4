using AvecSante.Api.Jobs;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Ticketing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Ticketing;

/// <summary>
/// Timer ReconcileTicketing (daily): lists the orders of every form of current events through the HelloAsso API and
/// runs each through the same idempotent processing as a notification, so whatever the notifications missed (a delivery
/// lost, a refund never notified) is filled in, and nothing is counted twice.
/// </summary>
public sealed partial class ReconcileTicketingJob(
    IEventRepository events,
    HelloAssoApiClient api,
    TicketingService service,
    IOptions<TicketingOptions> options,
    TimeProvider clock,
    ILogger<ReconcileTicketingJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!api.IsConfigured)
        {
            LogNotConfigured();
            return;
        }
        var oldest = clock.GetUtcNow().AddDays(-options.Value.HelloAsso.Api.ReconcileDaysAfterEvent);
        foreach (var value in (await events.ListAsync(cancellationToken).ConfigureAwait(false)).Where(e => e.EndsAt >= oldest))
        {
            foreach (var slug in value.FormSlugs)
            {
                int orders = 0, created = 0, cancelled = 0;
                await foreach (var order in api.ListOrdersAsync(slug, cancellationToken).ConfigureAwait(false))
                {
                    var command = HelloAssoNotificationReader.ReadApiOrder(order) with { EventId = value.Id };
                    var outcome = await service.ExecuteAsync(command, $"reconcile-{value.Id}-{slug}", cancellationToken).ConfigureAwait(false);
                    orders++;
                    created += outcome.TicketsCreated;
                    cancelled += outcome.Cancelled;
                }
                LogReconciled(value.Id, slug, orders, created, cancelled);
            }
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "ReconcileTicketing skipped: HelloAsso API credentials are not configured")]
    private partial void LogNotConfigured();

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Reconciled event {EventId} form {FormSlug}: {Orders} orders read, {Created} tickets filled in, {Cancelled} cancelled")]
    private partial void LogReconciled(string eventId, string formSlug, int orders, int created, int cancelled);
}
