using AvecSante.Api.Jobs;
using AvecSante.Core.Ticketing;

namespace AvecSante.Api.Ticketing;

/// <summary>Timer SweepTicketingInbox: re-processes deliveries that were claimed but left unfinished.</summary>
public sealed class SweepTicketingInboxJob(TicketingInboxProcessor processor) : IScheduledJob
{
    public Task RunAsync(CancellationToken cancellationToken) => processor.SweepAsync(cancellationToken);
}
