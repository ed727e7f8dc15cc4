using AvecSante.Api.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds the console's capitalisation pages (search, deposit, a sheet, versions, bin) and delegates; the parity test keeps it so.</summary>
public sealed class ConsoleLibraryFunctions(ConsoleLibraryHandlers library)
{
    [Function("ConsoleLibrary")]
    public Task<IResult> ConsoleLibrary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/capitalisation")] HttpRequest req, CancellationToken cancellationToken) => library.ListAsync(req, cancellationToken);

    [Function("ConsoleNewSheet")]
    public Task<IResult> ConsoleNewSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/nouvelle-fiche")] HttpRequest req, CancellationToken cancellationToken) => library.NewAsync(req, cancellationToken);

    [Function("ConsoleUploadSheet")]
    public Task<IResult> ConsoleUploadSheet([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/nouvelle-fiche")] HttpRequest req, CancellationToken cancellationToken) => library.UploadAsync(req, cancellationToken);

    [Function("ConsoleSheet")]
    public Task<IResult> ConsoleSheet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/capitalisation/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => library.ShowAsync(req, id, cancellationToken);

    [Function("ConsoleSheetFile")]
    public Task<IResult> ConsoleSheetFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/capitalisation/{id}/fichier")] HttpRequest req, string id, CancellationToken cancellationToken) => library.DownloadAsync(req, id, cancellationToken);

    [Function("ConsoleAddSheetVersion")]
    public Task<IResult> ConsoleAddSheetVersion([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/capitalisation/{id}/versions")] HttpRequest req, string id, CancellationToken cancellationToken) => library.AddVersionAsync(req, id, cancellationToken);

    [Function("ConsoleBinSheet")]
    public Task<IResult> ConsoleBinSheet([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/capitalisation/{id}/corbeille")] HttpRequest req, string id, CancellationToken cancellationToken) => library.BinAsync(req, id, cancellationToken);

    [Function("ConsoleRestoreSheet")]
    public Task<IResult> ConsoleRestoreSheet([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/capitalisation/{id}/restauration")] HttpRequest req, string id, CancellationToken cancellationToken) => library.RestoreAsync(req, id, cancellationToken);
}
