using AvecSante.Api.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's capitalisation library functions and delegates; the parity test keeps it so.</summary>
public sealed class DocumentsFunctions(DocumentsHandlers documents)
{
    [Function("UploadDocument")]
    public Task<IResult> UploadDocument([HttpTrigger(AuthorizationLevel.Function, "post", Route = "documents")] HttpRequest req, CancellationToken cancellationToken) => documents.UploadAsync(req, cancellationToken);

    [Function("ListDocuments")]
    public Task<IResult> ListDocuments([HttpTrigger(AuthorizationLevel.Function, "get", Route = "documents")] HttpRequest req, CancellationToken cancellationToken) => documents.ListAsync(req, cancellationToken);

    [Function("GetDocument")]
    public Task<IResult> GetDocument([HttpTrigger(AuthorizationLevel.Function, "get", Route = "documents/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => documents.GetAsync(req, id, cancellationToken);

    [Function("DownloadDocument")]
    public Task<IResult> DownloadDocument([HttpTrigger(AuthorizationLevel.Function, "get", Route = "documents/{id}/content")] HttpRequest req, string id, CancellationToken cancellationToken) => documents.DownloadAsync(req, id, cancellationToken);

    [Function("AddDocumentVersion")]
    public Task<IResult> AddDocumentVersion([HttpTrigger(AuthorizationLevel.Function, "post", Route = "documents/{id}/versions")] HttpRequest req, string id, CancellationToken cancellationToken) => documents.AddVersionAsync(req, id, cancellationToken);

    [Function("DeleteDocument")]
    public Task<IResult> DeleteDocument([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "documents/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => documents.DeleteAsync(req, id, cancellationToken);

    [Function("RestoreDocument")]
    public Task<IResult> RestoreDocument([HttpTrigger(AuthorizationLevel.Function, "post", Route = "documents/{id}/restore")] HttpRequest req, string id, CancellationToken cancellationToken) => documents.RestoreAsync(req, id, cancellationToken);
}
