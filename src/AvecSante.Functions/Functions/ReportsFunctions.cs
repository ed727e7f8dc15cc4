using AvecSante.Api.Reports;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>
/// Binds FunctionCatalog's yearly report functions and delegates; the parity test keeps it so. The on-demand
/// compilation runs from its queue (retries and poison queue as host.json "extensions.queues" says).
/// </summary>
public sealed class ReportsFunctions(ReportsHandlers reports, ReportCompileHandler queuedCompiles)
{
    [Function("CompileQueuedAnnualReport")]
    public Task CompileQueuedAnnualReport([QueueTrigger("%Queues:ReportCompiles%", Connection = "WorkQueues")] QueueMessage message, CancellationToken cancellationToken) => queuedCompiles.HandleAsync(message, cancellationToken);

    [Function("CompileAnnualReportNow")]
    public Task<IResult> CompileAnnualReportNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/annual/{year}")] HttpRequest req, string year, CancellationToken cancellationToken) => reports.CompileAsync(req, year, cancellationToken);

    [Function("GetAnnualReport")]
    public Task<IResult> GetAnnualReport([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/annual/{year}")] HttpRequest req, string year, CancellationToken cancellationToken) => reports.GetAsync(req, year, cancellationToken);

    [Function("DownloadAnnualReport")]
    public Task<IResult> DownloadAnnualReport([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/annual/{year}/{format}")] HttpRequest req, string year, string format, CancellationToken cancellationToken) => reports.DownloadAsync(req, year, format, cancellationToken);
}
