using AvecSante.Api.Calls;
using AvecSante.Api.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's calls functions and delegates; the parity test keeps it so.</summary>
public sealed class CallsFunctions(CallsHandlers calls, CallIngestionHandlers ingestion, IngestCallsJob ingestCalls)
{
    [Function("SubmitCall")]
    public Task<IResult> SubmitCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls")] HttpRequest req, CancellationToken cancellationToken) => calls.SubmitAsync(req, cancellationToken);

    [Function("ListCalls")]
    public Task<IResult> ListCalls([HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls")] HttpRequest req, CancellationToken cancellationToken) => calls.ListAsync(req, cancellationToken);

    [Function("GetCall")]
    public Task<IResult> GetCall([HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => calls.GetAsync(req, id, cancellationToken);

    [Function("ReviewCall")]
    public Task<IResult> ReviewCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/{id}/review")] HttpRequest req, string id, CancellationToken cancellationToken) => calls.ReviewAsync(req, id, cancellationToken);

    [Function("PreviewCall")]
    public Task<IResult> PreviewCall([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/preview")] HttpRequest req, CancellationToken cancellationToken) => ingestion.PreviewAsync(req, cancellationToken);

    [Function("IngestCallsNow")]
    public Task<IResult> IngestCallsNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls/ingest")] HttpRequest req, CancellationToken cancellationToken) => ingestion.IngestAsync(req, cancellationToken);

    [Function("ListCallSources")]
    public Task<IResult> ListCallSources([HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls/sources")] HttpRequest req, CancellationToken cancellationToken) => ingestion.SourcesAsync(req, cancellationToken);

    [Function("IngestCalls")]
    public Task IngestCalls([TimerTrigger("%Schedules:IngestCalls%")] TimerInfo timer, CancellationToken cancellationToken) => ingestCalls.RunAsync(cancellationToken);
}
