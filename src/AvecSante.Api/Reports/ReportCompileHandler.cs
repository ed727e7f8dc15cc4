using AvecSante.Api.Jobs;
using AvecSante.Core.Reports;
using AvecSante.Infrastructure.Reports;
using AvecSante.Infrastructure.Storage;
using Azure.Storage.Queues.Models;

namespace AvecSante.Api.Reports;

/// <summary>
/// Queue CompileQueuedAnnualReport: compiles a year's report asked for by POST reports/annual/{year} or the console.
/// It knows the host's maxDequeueCount (host.json, as both hosts read it) so that the attempt the host will poison
/// leaves the year Failed rather than Queued.
/// </summary>
public sealed class ReportCompileHandler(AnnualReportRequests requests, HostJson host) : IQueueHandler
{
    public Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = QueuedReportCompiles.Read(message.MessageText);
        return requests.CompileAsync(request, message.DequeueCount, lastAttempt: message.DequeueCount >= host.MaxDequeueCount, cancellationToken);
    }
}
